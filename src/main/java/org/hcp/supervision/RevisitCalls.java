package org.hcp.supervision;

import java.time.Clock;
import java.time.Instant;

import org.hcp.cases.Cases;
import org.hcp.security.AccountView;
import org.hcp.security.Accounts;
import org.hcp.security.Caller;
import org.hcp.security.RegionScope;
import org.hcp.security.Role;
import org.hcp.shared.Bilingual;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calls of the random revisits (随机回访): 12345 operators and third-party assessors of the region take a call
 * (or the office gives it to one of them), reveal the rater's number for dialling — a separate, audited step — and
 * record every attempt until the rater answered or counts as unreachable. Each step is audited; scoped by
 * {@link RegionScope}.
 */
@Service
class RevisitCalls {

	static final int MAX_COMMENT = 1000;

	private final CallTaskStore tasks;
	private final Cases cases;
	private final Accounts accounts;
	private final SupervisionAudit audit;
	private final SupervisionProperties properties;
	private final Clock clock;

	RevisitCalls(CallTaskStore tasks, Cases cases, Accounts accounts, SupervisionAudit audit,
			SupervisionProperties properties, Clock clock) {
		this.tasks = tasks;
		this.cases = cases;
		this.accounts = accounts;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The calls in the caller's scope, or in a region of it. {@code mine} limits them to the caller's own and the unassigned ones (a call
	 * list); offices see everyone's.
	 */
	Paging.Page<CallTaskView> list(String regionCode, String quarter, CallTask.State state, boolean mine,
			Paging paging) {
		Caller.requireAny(Role.OFFICE, Role.ASSESSOR, Role.HOTLINE);
		Quarter q = quarter == null || quarter.isBlank() ? null : Quarter.parse("quarter", quarter);
		Long assignee = mine ? Caller.current().map(Caller::userId).orElse(null) : null;
		return tasks.list(ScopedRegion.prefix(regionCode), q, state, assignee, paging);
	}

	CallTaskView find(long id) {
		Caller.requireAny(Role.OFFICE, Role.ASSESSOR, Role.HOTLINE);
		CallTaskView view = tasks.view(id).orElseThrow(() -> unknown(id));
		RegionScope.current().require("id", new RegionCode(view.regionCode()));
		return view;
	}

	/** A 12345 operator or assessor takes an open call that nobody holds. */
	@Transactional
	CallTaskView claim(long id) {
		Caller.requireAny(Role.HOTLINE, Role.ASSESSOR);
		Caller person = requirePerson();
		CallTask task = load(id);
		requireFree(task, person);
		if (task.assigneeId() == null) {
			task.assignTo(person.userId(), person.name());
			tasks.save(task);
			audit.record(SupervisionAudit.Subject.CALL, id, task.region(), "claim", null, clock.instant());
		}
		return find(id);
	}

	/**
	 * The office gives an open call to an enabled 12345 operator or assessor whose region covers the call; the same
	 * call may be given to someone else while it is open.
	 */
	@Transactional
	CallTaskView assign(long id, Long assigneeId) {
		Caller.requireAny(Role.OFFICE);
		if (assigneeId == null) {
			throw HcpException.invalid("assigneeId", "REQUIRED", "请选择接听人员", "assigneeId is required");
		}
		CallTask task = load(id);
		AccountView assignee = accounts.find(assigneeId).orElseThrow(() -> HcpException.invalid("assigneeId",
				"UNKNOWN_USER", "没有此账号：" + assigneeId, "No account " + assigneeId));
		if (!mayCall(assignee, task.region())) {
			throw HcpException.invalid("assigneeId", "NOT_A_CALLER_OF_THE_REGION",
					"只能分派给本区域在用的12345坐席或第三方评估人员", "A call goes to an enabled 12345 operator or assessor of its region");
		}
		task.assignTo(assignee.id(), assignee.login());
		tasks.save(task);
		audit.record(SupervisionAudit.Subject.CALL, id, task.region(), "assign", "to " + assignee.login(),
				clock.instant());
		return find(id);
	}

	/** The people the office may give a call of this region to. */
	java.util.List<AccountView> assignees(RegionCode region) {
		java.util.Map<Long, AccountView> people = new java.util.LinkedHashMap<>();
		for (Role role : new Role[] { Role.HOTLINE, Role.ASSESSOR }) {
			accounts.covering(role, region, null, null).forEach(a -> people.putIfAbsent(a.id(), a));
		}
		return java.util.List.copyOf(people.values());
	}

	private static boolean mayCall(AccountView person, RegionCode region) {
		return person.enabled() && (person.roles().contains(Role.HOTLINE) || person.roles().contains(Role.ASSESSOR))
				&& person.regionCode() != null && RegionScope.of(person.asCaller()).covers(region);
	}

	/**
	 * The rater's full number, for dialling: only for a 12345 operator or assessor who holds the call (a call nobody
	 * holds is taken by the first to reveal it), and every reveal is audited with who and when.
	 */
	@Transactional
	String reveal(long id) {
		Caller.requireAny(Role.HOTLINE, Role.ASSESSOR);
		CallTask task = load(id);
		if (task.state() != CallTask.State.OPEN) {
			throw HcpException.conflict("state", "CALL_DONE", "该回访任务已完成，不再显示号码",
					"This revisit call is done; its number is no longer shown");
		}
		if (takeIfFree(task)) {
			tasks.save(task);
		}
		String mobile = cases.applicantMobile(task.caseId()).map(m -> m.value()).orElseThrow(
				() -> HcpException.notFound("id", "NO_MOBILE", "该办件没有申请人手机号码", "The case has no applicant mobile"));
		audit.record(SupervisionAudit.Subject.CALL, id, task.region(), "reveal-mobile", "case " + task.caseNo(),
				clock.instant());
		return mobile;
	}

	/** Records one call attempt (是否满意 and a comment); an answer or the last unanswered attempt ends the call. */
	@Transactional
	CallTaskView recordAttempt(long id, CallResult result, String comment) {
		Caller.requireAny(Role.HOTLINE, Role.ASSESSOR);
		if (result == null) {
			throw HcpException.invalid("result", "REQUIRED", "请选择通话结果：满意、不满意或未接通",
					"result is required: SATISFIED, NOT_SATISFIED or NO_ANSWER");
		}
		String text = comment == null || comment.isBlank() ? null : comment.strip();
		if (text != null && text.length() > MAX_COMMENT) {
			throw HcpException.invalid("comment", "TOO_LONG", "意见最多 " + MAX_COMMENT + " 字",
					"comment has at most " + MAX_COMMENT + " characters");
		}
		CallTask task = load(id);
		takeIfFree(task);
		Instant now = clock.instant();
		String by = SupervisionAudit.actorName(Caller.current().orElse(null));
		CallTask.Attempt attempt = task.record(result, text, properties.unreachable(), by,
				Caller.current().map(Caller::userId).orElse(null), now);
		tasks.save(task);
		tasks.append(attempt);
		audit.record(SupervisionAudit.Subject.CALL, id, task.region(), "attempt",
				"#" + attempt.number() + " " + result + (task.outcome() == null ? "" : " → " + task.outcome()), now);
		if (task.outcome() != null) {
			tasks.appendResult(task, text, by);
		}
		return find(id);
	}

	/** The audit of a call, in order. */
	java.util.List<SupervisionAudit.Entry> auditOf(long id) {
		find(id);
		return audit.of(SupervisionAudit.Subject.CALL, id);
	}

	private CallTask load(long id) {
		CallTask task = tasks.load(id).orElseThrow(() -> unknown(id));
		RegionScope.current().require("id", task.region());
		return task;
	}

	/**
	 * A person acting on a call nobody holds takes it (true: the task changed, to be saved); on someone else's call
	 * they are refused.
	 */
	private boolean takeIfFree(CallTask task) {
		Caller caller = Caller.current().orElse(null);
		if (caller == null || !caller.isPerson()) {
			return false;
		}
		requireFree(task, caller);
		if (task.assigneeId() != null || task.state() != CallTask.State.OPEN) {
			return false;
		}
		task.assignTo(caller.userId(), caller.name());
		audit.record(SupervisionAudit.Subject.CALL, task.id(), task.region(), "claim", null, clock.instant());
		return true;
	}

	private static void requireFree(CallTask task, Caller person) {
		if (person.isPerson() && !task.isFreeFor(person.userId())) {
			throw new HcpException(HttpStatus.FORBIDDEN, "NOT_YOUR_CALL",
					Bilingual.of("该回访任务已分派给 " + task.assigneeName(), "This call is assigned to " + task.assigneeName()),
					java.util.List.of());
		}
	}

	private static Caller requirePerson() {
		return Caller.current().filter(Caller::isPerson).orElseThrow(() -> new HcpException(HttpStatus.FORBIDDEN,
				"PERSON_REQUIRED", Bilingual.of("只有登录的人员才能领取回访任务", "Only a signed-in person takes a call"),
				java.util.List.of()));
	}

	static HcpException unknown(long id) {
		return HcpException.notFound("id", "UNKNOWN_CALL", "回访任务不存在：" + id, "No revisit call " + id);
	}
}
