package org.hcp.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.hcp.rectification.FindingReference;
import org.hcp.rectification.WorkOrderSource;
import org.hcp.rectification.WorkOrders;
import org.hcp.security.Caller;
import org.hcp.security.RegionScope;
import org.hcp.security.Role;
import org.hcp.shared.ChinaTime;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording 监督查评 findings (offices, assessors) and 综合点评 comments (offices, 12345 operators) against the
 * catalog (domain §9). One marked as a problem opens a work order through {@link WorkOrders#openForFinding}, in the
 * same transaction, so it follows the same rectification path and deadlines as a bad review; the order's id is kept
 * with it. Everything is checked before anything is stored; scoped by {@link RegionScope}; every step audited.
 */
@Service
class Findings {

	static final int MAX_DESCRIPTION = 2000;
	private static final Role[] READERS = { Role.OFFICE, Role.ASSESSOR, Role.HOTLINE };

	private final FindingTargets targets;
	private final FindingStore store;
	private final WorkOrders workOrders;
	private final SupervisionAudit audit;
	private final Clock clock;

	Findings(FindingTargets targets, FindingStore store, WorkOrders workOrders, SupervisionAudit audit, Clock clock) {
		this.targets = targets;
		this.store = store;
		this.workOrders = workOrders;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	FindingView record(WorkOrderSource source, FindingRequest r) {
		Caller.requireAny(FindingKind.recordedBy(source));
		Instant now = clock.instant();
		List<FieldProblem> problems = new ArrayList<>();
		FindingKind kind = kind(source, r.kind(), problems);
		LocalDate observedOn = observedOn(r.observedOn(), now, problems);
		String description = description(r.description(), problems);
		FindingTargets.Target target = targets.resolve(r, problems);
		boolean problem = Boolean.TRUE.equals(r.problem());
		if (target != null && problem && target.departmentCode() == null) {
			problems.add(FieldProblem.of("departmentCode", "标记为问题的须指明责任部门（谁办理、谁负责）",
					"a problem needs the responsible department"));
		}
		if (!problems.isEmpty()) {
			throw HcpException.invalid(source == WorkOrderSource.FINDING ? "INVALID_FINDING" : "INVALID_COMMENT", problems);
		}
		RegionScope.current().require(target.regionField(), target.region());
		long id = store.insert(kind, target, observedOn, description, problem, Caller.current().orElse(null), now);
		audit.record(SupervisionAudit.Subject.FINDING, id, target.region(), "record",
				source + " " + kind + (problem ? ", problem" : ""), now);
		if (problem) {
			long orderId = workOrders.openForFinding(new FindingReference(source, id, target.region(),
					target.departmentCode(), target.institutionCode(), target.windowCode(), target.staffNo(),
					target.itemCode(), summary(kind, description)));
			store.linkOrder(id, orderId, now);
			audit.record(SupervisionAudit.Subject.FINDING, id, target.region(), "open-work-order", "order " + orderId, now);
		}
		return store.find(id).orElseThrow();
	}

	FindingView find(WorkOrderSource source, long id) {
		Caller.requireAny(READERS);
		FindingView view = store.find(id).filter(f -> f.source() == source).orElseThrow(() -> HcpException.notFound("id",
				"UNKNOWN_FINDING", "记录不存在：" + id, "No " + source.name().toLowerCase() + " " + id));
		RegionScope.current().require("id", new RegionCode(view.regionCode()));
		return view;
	}

	Paging.Page<FindingView> list(WorkOrderSource source, String regionCode, String kind, Boolean problem,
			Paging paging) {
		Caller.requireAny(READERS);
		List<FieldProblem> problems = new ArrayList<>();
		FindingKind k = kind == null || kind.isBlank() ? null : kind(source, kind, problems);
		if (!problems.isEmpty()) {
			throw HcpException.invalid("INVALID_FILTER", problems);
		}
		return store.list(source, ScopedRegion.prefix(regionCode), k, problem, paging);
	}

	List<SupervisionAudit.Entry> auditOf(WorkOrderSource source, long id) {
		find(source, id);
		return audit.of(SupervisionAudit.Subject.FINDING, id);
	}

	/** The kinds a source takes, for forms. */
	static List<FindingKind> kinds(WorkOrderSource source) {
		return java.util.Arrays.stream(FindingKind.values()).filter(k -> k.source() == source).toList();
	}

	private static FindingKind kind(WorkOrderSource source, String text, List<FieldProblem> problems) {
		List<FindingKind> allowed = kinds(source);
		FindingKind kind = text == null ? null
				: allowed.stream().filter(k -> k.name().equalsIgnoreCase(text.trim())).findFirst().orElse(null);
		if (kind == null) {
			problems.add(FieldProblem.of("kind", "类型应为以下之一：" + allowed, "kind must be one of " + allowed));
		}
		return kind;
	}

	private static LocalDate observedOn(String text, Instant now, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			problems.add(FieldProblem.of("observedOn", "请填写发现日期", "observedOn is required"));
			return null;
		}
		try {
			LocalDate day = LocalDate.parse(text.trim());
			if (day.isAfter(ChinaTime.dateOf(now)) || day.getYear() < 2000) {
				problems.add(FieldProblem.of("observedOn", "发现日期不能晚于今天", "observedOn cannot be in the future"));
			}
			return day;
		}
		catch (DateTimeParseException e) {
			problems.add(FieldProblem.of("observedOn", "发现日期应为 yyyy-MM-dd", "observedOn is a date yyyy-MM-dd"));
			return null;
		}
	}

	private static String description(String text, List<FieldProblem> problems) {
		String d = text == null ? "" : text.strip();
		if (d.isEmpty() || d.length() > MAX_DESCRIPTION) {
			problems.add(FieldProblem.of("description", "请填写情况说明（最多 " + MAX_DESCRIPTION + " 字）",
					"description is required, at most " + MAX_DESCRIPTION + " characters"));
		}
		return d;
	}

	private static String summary(FindingKind kind, String description) {
		String text = kind + ": " + description;
		return text.length() > 500 ? text.substring(0, 500) : text;
	}
}
