package org.hcp.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.hcp.calendar.WorkingCalendar;
import org.hcp.shared.ChinaTime;
import org.hcp.shared.HcpException;

/**
 * A work order 差评工单 (domain §7): each step checks the state first, changes it, moves the deadline, and registers
 * what happened — an audit step and the events to publish. No setters; the repository reads and writes the fields.
 * Deadlines come only from the order's {@link RuleProfile} and the working calendar.
 */
final class WorkOrder {

	/** One audited step: what was done, from which state to which, why, and its facts. */
	record Step(String action, WorkOrderState from, WorkOrderState to, String reason, String details) {
	}

	// identity and ownership (谁办理、谁负责)
	long id;
	String orderNo;
	WorkOrderSource source;
	String regionCode;
	String departmentCode;
	String staffNo;
	String institutionCode;
	String windowCode;
	String itemCode;
	Integer level;
	String summary;
	String raterMobileMasked;
	boolean hasRater;
	String profileCode;
	Instant openedAt;

	// a remote order 下级平台工单: handled by the lower platform that relayed its rating, followed here read-only
	String remotePeer;
	String remoteOrderNo;
	long remoteStep;

	// where it stands
	WorkOrderState state;
	Instant dispatchedAt;
	Instant deadline;
	String deadlineStep;
	int round = 1;
	Instant pausedAt;
	Long pauseAppealId;
	boolean overdue;
	int timesOverdue;
	boolean escalated;

	// facts, each its own
	Instant verifiedAt;
	RectifyMode rectifyMode;
	LocalDate plannedBy;
	Instant rectifiedAt;
	boolean unrectifiable;
	Instant repliedAt;
	RaterAnswer raterAnswer;
	Instant raterAnsweredAt;
	RevisitOutcome revisitOutcome;
	Instant revisitedAt;
	Instant closedAt;
	int version;

	final transient List<Step> steps = new ArrayList<>();

	// ---------------------------------------------------------------------------------------------- first check

	/** 初核 valid 有效差评: dispatched at once to the responsible department; verification is due. */
	void dispatch(Instant at, RuleProfile rules, WorkingCalendar calendar) {
		expect("dispatch", WorkOrderState.RECEIVED);
		dispatchedAt = at;
		move("dispatch", WorkOrderState.DISPATCHED, null, null);
		due(rules.verify().afterDispatch(at, calendar), "VERIFY");
	}

	/** 初核 invalid 无效差评 (e.g. the rater says it was a mistake): ends here, with the reason. */
	void invalidate(String reason) {
		expect("invalidate", WorkOrderState.RECEIVED);
		move("invalidate", WorkOrderState.INVALID, required("reason", reason), null);
		due(null, null);
	}

	// ---------------------------------------------------------------------------------------------- department

	/** 核实: the rater was contacted (who, how) and the facts checked; rectification is due. */
	void verify(Instant at, String contacted, String how, String found, RuleProfile rules, WorkingCalendar calendar) {
		expect("verify", WorkOrderState.DISPATCHED);
		String details = "contacted=" + required("contacted", contacted) + "; how=" + required("contactMethod", how)
				+ "; found=" + required("findings", found);
		verifiedAt = at;
		move("verify", WorkOrderState.VERIFIED, null, details);
		due(rules.rectify().afterDispatch(dispatchedAt, calendar), "RECTIFY");
	}

	/** 立行立改: rectified at once, with evidence; the reply and revisit are due. */
	void rectifyAtOnce(Instant at, String evidence, List<Long> files, RuleProfile rules, WorkingCalendar calendar) {
		expect("rectify-at-once", WorkOrderState.VERIFIED);
		rectifyMode = RectifyMode.AT_ONCE;
		rectified(at, "rectify-at-once", evidence, files, rules, calendar);
	}

	/**
	 * 台账: a ledger entry with a planned date, no later than the rectification deadline (a later one needs an
	 * extension) and not in the past.
	 */
	void enterInLedger(Instant at, LocalDate plannedDate, String plan) {
		expect("enter-in-ledger", WorkOrderState.VERIFIED);
		if (plannedDate == null) {
			throw HcpException.invalid("plannedBy", "REQUIRED", "计划完成日期不能为空", "plannedBy is required");
		}
		Instant planned = ChinaTime.startOf(plannedDate.plusDays(1));
		if (plannedDate.isBefore(ChinaTime.dateOf(at))) {
			throw HcpException.invalid("plannedBy", "PLANNED_IN_THE_PAST", "计划完成日期不能早于今天",
					"plannedBy cannot be before today");
		}
		if (deadline != null && planned.isAfter(deadline)) {
			throw HcpException.invalid("plannedBy", "PLANNED_AFTER_DEADLINE",
					"计划完成日期晚于整改时限 " + ChinaTime.format(deadline) + "，请申请延期",
					"plannedBy is after the rectification deadline " + deadline + "; request an extension");
		}
		rectifyMode = RectifyMode.LEDGER;
		plannedBy = plannedDate;
		move("enter-in-ledger", WorkOrderState.RECTIFYING, null, "plannedBy=" + plannedDate + "; plan=" + required("plan", plan));
		due(planned, "RECTIFY");
	}

	/** A ledger entry rectified with evidence. */
	void rectify(Instant at, String evidence, List<Long> files, RuleProfile rules, WorkingCalendar calendar) {
		expect("rectify", WorkOrderState.RECTIFYING);
		rectified(at, "rectify", evidence, files, rules, calendar);
	}

	private void rectified(Instant at, String action, String evidence, List<Long> files, RuleProfile rules,
			WorkingCalendar calendar) {
		String text = required("evidence", evidence);
		rectifiedAt = at;
		move(action, WorkOrderState.RECTIFIED, null, "evidence=" + text + (files.isEmpty() ? "" : "; files=" + files));
		due(rules.revisit().afterRectification(at, calendar), "REPLY");
	}

	/** 延期申请: before the current deadline, with a written reason and a later date; the office decides. */
	void requestExtension(Instant at, LocalDate newDate, String reason, boolean alreadyPending) {
		expect("request-extension", WorkOrderState.VERIFIED, WorkOrderState.RECTIFYING);
		required("reason", reason);
		if (alreadyPending) {
			throw HcpException.conflict("newDeadline", "EXTENSION_PENDING", "已有待审批的延期申请", "An extension request is already pending");
		}
		ExtensionBeforeDeadline.check(at, deadline, newDate);
		move("request-extension", state, reason, "newDeadline=" + newDate);
	}

	/** The office approves an extension: the deadline moves to the requested date, the reason is kept. */
	void approveExtension(Instant newDeadline, String reason) {
		expect("approve-extension", WorkOrderState.VERIFIED, WorkOrderState.RECTIFYING, WorkOrderState.UNRECTIFIABLE_REPORTED);
		Instant old = deadline;
		if (state == WorkOrderState.RECTIFYING) {
			plannedBy = ChinaTime.dateOf(newDeadline).minusDays(1);
		}
		move("approve-extension", state, reason, "from=" + old + "; to=" + newDeadline);
		due(newDeadline, deadlineStep);
	}

	void refuseExtension(String reason) {
		expect("refuse-extension", WorkOrderState.VERIFIED, WorkOrderState.RECTIFYING, WorkOrderState.UNRECTIFIABLE_REPORTED);
		move("refuse-extension", state, required("reason", reason), null);
	}

	/** 无法整改: reported with a reason; the office approves or sends it back. The deadline keeps running. */
	void reportUnrectifiable(String reason) {
		expect("report-unrectifiable", WorkOrderState.VERIFIED, WorkOrderState.RECTIFYING);
		move("report-unrectifiable", WorkOrderState.UNRECTIFIABLE_REPORTED, required("reason", reason), null);
	}

	/** The office accepts it cannot be rectified: it goes on to the reply and the revisit. */
	void approveUnrectifiable(Instant at, String reason, RuleProfile rules, WorkingCalendar calendar) {
		expect("approve-unrectifiable", WorkOrderState.UNRECTIFIABLE_REPORTED);
		unrectifiable = true;
		move("approve-unrectifiable", WorkOrderState.UNRECTIFIABLE_APPROVED, reason, null);
		due(rules.revisit().afterRectification(at, calendar), "REPLY");
	}

	/** The office sends it back: rectification goes on (in the ledger when it was a ledger entry). */
	void returnUnrectifiable(String reason) {
		expect("return-unrectifiable", WorkOrderState.UNRECTIFIABLE_REPORTED);
		move("return-unrectifiable", rectifyMode == RectifyMode.LEDGER ? WorkOrderState.RECTIFYING : WorkOrderState.VERIFIED,
				required("reason", reason), null);
	}

	/** 反馈: the rater is answered and asked again for satisfaction (the status link goes with the SMS). */
	void reply(Instant at, String text) {
		expect("reply", WorkOrderState.RECTIFIED, WorkOrderState.UNRECTIFIABLE_APPROVED);
		repliedAt = at;
		move("reply", WorkOrderState.REPLIED, null, "text=" + required("text", text));
		due(deadline, "REVISIT");
	}

	/** The rater's own answer on the status page: recorded, the state unchanged (the revisit still decides). */
	void raterAnswered(Instant at, RaterAnswer answer) {
		raterAnswer = answer;
		raterAnsweredAt = at;
		steps.add(new Step("rater-answer", state, state, null, "answer=" + answer));
	}

	// ---------------------------------------------------------------------------------------------- revisit, close

	/** A revisit call that reached no one. */
	void callAttempted(String note) {
		expect("call-attempt", WorkOrderState.REPLIED);
		steps.add(new Step("call-attempt", state, state, note, null));
	}

	/**
	 * 回访: satisfied, partly or unreachable (after enough attempts) → waits for 销号; not satisfied → rectification
	 * reopens, in a new round, with a new deadline.
	 */
	void revisit(Instant at, RevisitOutcome outcome, String note, int attempts, UnreachableAfterAttempts unreachable,
			RuleProfile rules, WorkingCalendar calendar) {
		expect("revisit", WorkOrderState.REPLIED);
		if (outcome == null) {
			throw HcpException.invalid("outcome", "REQUIRED", "回访结果不能为空", "outcome is required");
		}
		if (outcome == RevisitOutcome.UNREACHABLE) {
			unreachable.check(attempts);
		}
		revisitOutcome = outcome;
		revisitedAt = at;
		if (outcome == RevisitOutcome.NOT_SATISFIED) {
			round++;
			rectifyMode = null;
			plannedBy = null;
			rectifiedAt = null;
			unrectifiable = false;
			move("reopen", WorkOrderState.VERIFIED, note, "outcome=" + outcome + "; round=" + round);
			due(rules.rectify().afterReopening(at, calendar), "RECTIFY");
			return;
		}
		move("revisit", WorkOrderState.REVISITED, note, "outcome=" + outcome);
		due(null, "CLOSE");
	}

	/** 销号 by the office: only after a revisit outcome, and not while an appeal is pending. */
	void close(Instant at, String note) {
		if (state.isOpen() && state != WorkOrderState.REVISITED) {
			throw HcpException.conflict("state", "NO_REVISIT_OUTCOME", "未记录回访结果的工单不能销号（当前状态 " + state + "）",
					"An order closes only after a revisit outcome (it is " + state + ")");
		}
		expect("close", WorkOrderState.REVISITED);
		if (pausedAt != null) {
			throw HcpException.conflict("state", "APPEAL_PENDING", "申诉处理中，暂不能销号", "An appeal is pending; the order cannot close now");
		}
		closedAt = at;
		move("close", WorkOrderState.CLOSED, note, null);
		due(null, null);
	}

	// ---------------------------------------------------------------------------------------------- appeal

	/** An appeal was filed: the deadline stops running. Again for the same appeal: nothing happens. */
	boolean pauseForAppeal(long appealId, Instant at) {
		if (pausedAt != null && pauseAppealId != null && pauseAppealId == appealId) {
			return false;
		}
		if (!state.isOpen()) {
			throw WorkOrderConflict.wrongState("pause-for-appeal", state);
		}
		if (pausedAt != null) {
			throw HcpException.conflict("appealId", "ALREADY_PAUSED", "工单已因另一申诉暂停", "The order is paused for another appeal");
		}
		pausedAt = at;
		pauseAppealId = appealId;
		steps.add(new Step("pause-for-appeal", state, state, null, "appealId=" + appealId));
		return true;
	}

	/**
	 * The appeal was rejected: the deadline moves by the days it was paused ({@link PausedDaysAddedBack}). Again, or
	 * when it was not paused by this appeal: nothing happens.
	 */
	boolean resumeAfterAppeal(long appealId, Instant at, RuleProfile rules, WorkingCalendar calendar) {
		if (pausedAt == null || pauseAppealId == null || pauseAppealId != appealId) {
			return false;
		}
		Instant old = deadline;
		if (deadline != null) {
			deadline = PausedDaysAddedBack.moved(deadline, pausedAt, at, unitOfCurrentStep(rules), calendar);
			if (plannedBy != null && state == WorkOrderState.RECTIFYING) {
				plannedBy = ChinaTime.dateOf(deadline).minusDays(1);
			}
		}
		pausedAt = null;
		pauseAppealId = null;
		if (deadline != null && at.isBefore(deadline)) {
			overdue = false;
		}
		steps.add(new Step("resume-after-appeal", state, state, null,
				"appealId=" + appealId + "; deadline=" + old + " -> " + deadline));
		return true;
	}

	/** The appeal was upheld: closes as CLOSED_BY_APPEAL. Again: nothing happens. */
	boolean closeByAppeal(long appealId, Instant at) {
		if (state == WorkOrderState.CLOSED_BY_APPEAL) {
			return false;
		}
		if (!state.isOpen()) {
			throw WorkOrderConflict.wrongState("close-by-appeal", state);
		}
		closedAt = at;
		pausedAt = null;
		pauseAppealId = null;
		move("close-by-appeal", WorkOrderState.CLOSED_BY_APPEAL, null, "appealId=" + appealId);
		due(null, null);
		return true;
	}

	// ---------------------------------------------------------------------------------------------- remote

	boolean isRemote() {
		return remotePeer != null;
	}

	/**
	 * A step the lower platform took on its own order: the state it reached and the facts that go with it, as the
	 * local steps set them (the statistics read those facts). No deadline, no overdue mark. False for a step at or
	 * below the last one applied (a re-send).
	 */
	boolean followRemote(RemoteStep s) {
		if (!isRemote()) {
			throw new IllegalStateException("order " + id + " is handled here, not by a lower platform");
		}
		if (s.stepNo() <= remoteStep) {
			return false;
		}
		WorkOrderState from = state;
		Instant at = s.stepTime();
		switch (s.state()) {
			case DISPATCHED -> dispatchedAt = dispatchedAt == null ? at : dispatchedAt;
			case VERIFIED -> {
				if (from == WorkOrderState.REPLIED || from == WorkOrderState.REVISITED) {
					round++;
					revisitOutcome = s.revisitResult() == null ? RevisitOutcome.NOT_SATISFIED : s.revisitResult();
					revisitedAt = at;
					rectifyMode = null;
					plannedBy = null;
					rectifiedAt = null;
					unrectifiable = false;
				}
				verifiedAt = verifiedAt == null ? at : verifiedAt;
			}
			case RECTIFYING -> {
				rectifyMode = RectifyMode.LEDGER;
				plannedBy = s.plannedBy() == null ? plannedBy : s.plannedBy();
			}
			case UNRECTIFIABLE_APPROVED -> unrectifiable = true;
			case RECTIFIED -> {
				rectifiedAt = at;
				if (rectifyMode == null) {
					rectifyMode = "rectify-at-once".equals(s.action()) ? RectifyMode.AT_ONCE : RectifyMode.LEDGER;
				}
			}
			case REPLIED -> repliedAt = at;
			case REVISITED -> {
				revisitedAt = at;
				revisitOutcome = s.revisitResult() == null ? revisitOutcome : s.revisitResult();
			}
			case CLOSED, CLOSED_BY_APPEAL -> closedAt = at;
			default -> {
				// RECEIVED, INVALID, UNRECTIFIABLE_REPORTED: the state says all
			}
		}
		if (s.plannedBy() != null && s.state() != WorkOrderState.RECTIFYING) {
			plannedBy = s.plannedBy();
		}
		remoteStep = s.stepNo();
		remoteOrderNo = s.orderNo();
		steps.add(new Step(s.action(), from, s.state(), s.opinion(), "remoteOrderNo=" + s.orderNo() + "; stepNo="
				+ s.stepNo() + "; stepTime=" + at + (s.deptCode() == null ? "" : "; deptCode=" + s.deptCode())));
		state = s.state();
		due(null, null);
		return true;
	}

	// ---------------------------------------------------------------------------------------------- helpers

	boolean isPaused() {
		return pausedAt != null;
	}

	/** Overdue now: marked by the job, or the deadline passed while not paused. */
	boolean isOverdue(Instant now) {
		return state.isOpen() && (overdue || (deadline != null && pausedAt == null && !now.isBefore(deadline)));
	}

	/** Who holds the order now (current holder in the ledger). */
	String holder() {
		return Holder.of(state);
	}

	private Term.Unit unitOfCurrentStep(RuleProfile rules) {
		return switch (deadlineStep == null ? "" : deadlineStep) {
			case "VERIFY" -> rules.verify().within().unit();
			case "RECTIFY" -> rules.rectify().within().unit();
			default -> rules.revisit().within().unit();
		};
	}

	private void expect(String action, WorkOrderState... allowed) {
		for (WorkOrderState s : allowed) {
			if (state == s) {
				return;
			}
		}
		throw WorkOrderConflict.wrongState(action, state);
	}

	private void move(String action, WorkOrderState to, String reason, String details) {
		steps.add(new Step(action, state, to, reason, details));
		state = to;
	}

	private void due(Instant newDeadline, String step) {
		deadline = newDeadline;
		deadlineStep = newDeadline == null ? null : step;
		overdue = false;
	}

	static String required(String field, String text) {
		if (text == null || text.isBlank()) {
			throw HcpException.invalid(field, "REQUIRED", field + " 不能为空", field + " is required");
		}
		String t = text.strip();
		if (t.length() > 2000) {
			throw HcpException.invalid(field, "TOO_LONG", field + " 不能超过2000字", field + " has at most 2000 characters");
		}
		return t;
	}
}
