package org.hcp.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hcp.shared.ClockSkew;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.springframework.stereotype.Component;

/** What a reported case must satisfy before it is stored; every broken rule is reported with its field. */
@Component
class CaseRules {

	private final Clock clock;
	/** Clocks of business systems drift; a time further ahead than this is a mistake. */
	private final ClockSkew skew;

	CaseRules(Clock clock, ClockSkew skew) {
		this.clock = clock;
		this.skew = skew;
	}

	void check(NewCase c) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!CaseNo.isWellFormed(c.caseNo())) {
			problems.addAll(caseNoProblems(c.caseNo()));
		}
		text(problems, "title", c.title(), 300, false);
		if (c.applicant() != null) {
			text(problems, "applicant.name", c.applicant().name(), 100, true);
			text(problems, "applicant.certType", c.applicant().certType(), 4, false);
			text(problems, "applicant.certNo", c.applicant().certNo(), 64, false);
		}
		text(problems, "itemCode", c.itemCode(), 33, true);
		text(problems, "departmentCode", c.departmentCode(), 18, true);
		text(problems, "batchNo", c.batchNo(), 64, false);
		text(problems, "chainNo", c.chainNo(), 64, false);
		Instant latest = skew.latestAcceptable(clock.instant());
		if (c.acceptedAt() != null && c.acceptedAt().isAfter(latest)) {
			problems.add(FieldProblem.of("acceptedAt", "受理时间不能晚于当前时间", "acceptedAt cannot be in the future"));
		}
		if (c.status() == CaseStatus.COMPLETED && c.completedAt() == null) {
			problems.add(FieldProblem.of("completedAt", "已办结的办件必须有办结时间", "a completed case needs completedAt"));
		}
		if (c.completedAt() != null) {
			if (c.acceptedAt() != null && c.completedAt().isBefore(c.acceptedAt())) {
				problems.add(FieldProblem.of("completedAt", "办结时间不能早于受理时间", "completedAt cannot be before acceptedAt"));
			}
			if (c.completedAt().isAfter(latest)) {
				problems.add(FieldProblem.of("completedAt", "办结时间不能晚于当前时间", "completedAt cannot be in the future"));
			}
		}
		if (c.events().isEmpty()) {
			problems.add(FieldProblem.of("services", "至少需要一个服务环节", "at least one service event is required"));
		}
		java.util.Set<Integer> numbers = new java.util.HashSet<>();
		for (int i = 0; i < c.events().size(); i++) {
			problems.addAll(eventProblems("services[" + i + "]", c.events().get(i), c.acceptedAt()));
			if (!numbers.add(c.events().get(i).serviceNo())) {
				problems.add(FieldProblem.of("services[" + i + "].serviceNo", "服务序号重复", "the service number appears twice"));
			}
		}
		if (!problems.isEmpty()) {
			throw HcpException.invalid("INVALID_CASE", problems);
		}
	}

	/** A visit added to a known case, possibly completing it. */
	void checkVisit(NewCase.NewServiceEvent e, Instant completedAt, Instant acceptedAt) {
		List<FieldProblem> problems = eventProblems("", e, acceptedAt);
		if (completedAt != null && completedAt.isBefore(acceptedAt)) {
			problems.add(FieldProblem.of("completedAt", "办结时间不能早于受理时间", "completedAt cannot be before acceptedAt"));
		}
		if (completedAt != null && skew.isInTheFuture(completedAt, clock.instant())) {
			problems.add(FieldProblem.of("completedAt", "办结时间不能晚于当前时间", "completedAt cannot be in the future"));
		}
		if (!problems.isEmpty()) {
			throw HcpException.invalid("INVALID_SERVICE", problems);
		}
	}

	private List<FieldProblem> eventProblems(String prefix, NewCase.NewServiceEvent e, Instant acceptedAt) {
		String at = prefix.isEmpty() ? "" : prefix + ".";
		List<FieldProblem> problems = new ArrayList<>();
		if (e.serviceNo() < 1) {
			problems.add(FieldProblem.of(at + "serviceNo", "服务序号应为从1开始的整数", "serviceNo must be 1 or more"));
		}
		text(problems, at + "name", e.name(), 100, true);
		text(problems, at + "staffNo", e.staffNo(), 64, false);
		text(problems, at + "windowCode", e.windowCode(), 64, false);
		if (e.occurredAt() == null) {
			problems.add(FieldProblem.of(at + "at", "服务时间不能为空", "the service time is required"));
		}
		else if (skew.isInTheFuture(e.occurredAt(), clock.instant())) {
			problems.add(FieldProblem.of(at + "at", "服务时间不能晚于当前时间", "the service time cannot be in the future"));
		}
		return problems;
	}

	private static List<FieldProblem> caseNoProblems(String caseNo) {
		try {
			CaseNo.parse("caseNo", caseNo);
			return List.of();
		}
		catch (HcpException e) {
			return e.fields();
		}
	}

	private static void text(List<FieldProblem> problems, String field, String value, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				problems.add(FieldProblem.of(field, "不能为空", "is required"));
			}
		}
		else if (value.length() > max) {
			problems.add(FieldProblem.of(field, "长度不能超过" + max, "at most " + max + " characters"));
		}
		else if (value.indexOf('\u0000') >= 0) {
			problems.add(FieldProblem.of(field, "含有不允许的控制字符", "contains a control character that is not allowed"));
		}
	}
}
