package org.hcp.supervision;

import java.time.Instant;

import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;

/**
 * A phone call to make for one sampled case (随机回访任务). Its state changes only through {@link #assignTo} and
 * {@link #record}, which check it first; it remembers the version it was loaded at, and the store saves it only if
 * nobody changed it meanwhile.
 */
final class CallTask {

	/** Where a call task stands. */
	enum State {
		/** 待回访: to be called (again) */
		OPEN,
		/** 已完成: answered, or unreachable after the attempts the policy asks for */
		DONE
	}

	/** One recorded call attempt, to be appended. */
	record Attempt(long taskId, int number, CallResult result, String comment, String calledBy, Long callerId,
			Instant at) {
	}

	private final long id;
	private final long sampleId;
	private final String caseNo;
	private final long caseId;
	private final RegionCode region;
	private final String departmentCode;
	private final String itemCode;
	private final Quarter quarter;
	private int version;
	private Long assigneeId;
	private String assigneeName;
	private State state;
	private CallOutcome outcome;
	private int attempts;
	private Instant doneAt;

	CallTask(long id, long sampleId, long caseId, String caseNo, RegionCode region, String departmentCode,
			String itemCode, Quarter quarter, Long assigneeId, String assigneeName, State state, CallOutcome outcome,
			int attempts, Instant doneAt, int version) {
		this.id = id;
		this.sampleId = sampleId;
		this.caseId = caseId;
		this.caseNo = caseNo;
		this.region = region;
		this.departmentCode = departmentCode;
		this.itemCode = itemCode;
		this.quarter = quarter;
		this.assigneeId = assigneeId;
		this.assigneeName = assigneeName;
		this.state = state;
		this.outcome = outcome;
		this.attempts = attempts;
		this.doneAt = doneAt;
		this.version = version;
	}

	/** Gives the call to a person; only while it is open. */
	void assignTo(long userId, String name) {
		requireOpen();
		assigneeId = userId;
		assigneeName = name;
	}

	/**
	 * Records one call: an answer ends the task with it; an unanswered call ends it as {@link CallOutcome#UNREACHABLE}
	 * only when the policy's number of unanswered calls is reached (every earlier attempt went unanswered, or the
	 * task would have ended).
	 */
	Attempt record(CallResult result, String comment, UnreachableAfterAttempts policy, String by, Long byId,
			Instant at) {
		requireOpen();
		attempts++;
		switch (result) {
			case SATISFIED -> finish(CallOutcome.SATISFIED, at);
			case NOT_SATISFIED -> finish(CallOutcome.NOT_SATISFIED, at);
			case NO_ANSWER -> {
				if (policy.reached(attempts)) {
					finish(CallOutcome.UNREACHABLE, at);
				}
			}
		}
		return new Attempt(id, attempts, result, comment, by, byId, at);
	}

	/** True when the person may act on this call: nobody holds it yet, or they do. */
	boolean isFreeFor(long userId) {
		return assigneeId == null || assigneeId == userId;
	}

	private void finish(CallOutcome how, Instant at) {
		state = State.DONE;
		outcome = how;
		doneAt = at;
	}

	private void requireOpen() {
		if (state != State.OPEN) {
			throw HcpException.conflict("state", "CALL_DONE", "该回访任务已完成（" + outcome + "）",
					"This revisit call is already done (" + outcome + ")");
		}
	}

	long id() {
		return id;
	}

	long sampleId() {
		return sampleId;
	}

	long caseId() {
		return caseId;
	}

	String caseNo() {
		return caseNo;
	}

	RegionCode region() {
		return region;
	}

	String departmentCode() {
		return departmentCode;
	}

	String itemCode() {
		return itemCode;
	}

	Quarter quarter() {
		return quarter;
	}

	Long assigneeId() {
		return assigneeId;
	}

	String assigneeName() {
		return assigneeName;
	}

	State state() {
		return state;
	}

	CallOutcome outcome() {
		return outcome;
	}

	int attempts() {
		return attempts;
	}

	Instant doneAt() {
		return doneAt;
	}

	int version() {
		return version;
	}

	/** The store saved this change: the next save compares against the new version. */
	void saved() {
		version++;
	}
}
