package org.hcp.appeal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hcp.calendar.WorkingCalendar;
import org.hcp.rectification.WorkOrderView;
import org.hcp.security.Caller;
import org.hcp.security.RegionScope;
import org.hcp.security.Role;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.stereotype.Service;

/**
 * The façade of appeals 申诉复核 (domain §8). Filing is for the rated staff member or their department, deciding and
 * the credit records for the office; every read applies the caller's {@link RegionScope} (404 for an unknown appeal,
 * 403 outside the scope).
 */
@Service
public class Appeals {

	public static final int MAX_PAGE_SIZE = 100;

	private final FilingAppeal filing;
	private final DecidingAppeal deciding;
	private final AppealStore store;
	private final AppealAudit audit;
	private final CreditFile credit;
	private final WorkingCalendar calendar;
	private final AppealProperties properties;
	private final Clock clock;

	Appeals(FilingAppeal filing, DecidingAppeal deciding, AppealStore store, AppealAudit audit, CreditFile credit,
			WorkingCalendar calendar, AppealProperties properties, Clock clock) {
		this.filing = filing;
		this.deciding = deciding;
		this.store = store;
		this.audit = audit;
		this.credit = credit;
		this.calendar = calendar;
		this.properties = properties;
		this.clock = clock;
	}

	/** Files an appeal against the bad review of a work order; the order's deadlines pause. Returns the appeal. */
	public AppealView file(NewAppeal appeal) {
		return find(filing.file(appeal));
	}

	/** Decides a pending appeal (office only; nobody decides their own). Returns the appeal with its decision. */
	public AppealView decide(long appealId, AppealDecision decision) {
		deciding.decide(appealId, decision);
		return find(appealId);
	}

	/** One appeal with its evidence list, decision and audit trail. */
	public AppealView find(long appealId) {
		Caller.requireAny(Role.STAFF, Role.DEPARTMENT, Role.OFFICE);
		return full(scoped(appealId));
	}

	/** The appeal of a work order, if any (scoped). */
	public Optional<AppealView> forOrder(long orderId) {
		Caller.requireAny(Role.STAFF, Role.DEPARTMENT, Role.OFFICE);
		return store.forOrder(orderId).filter(this::inScope).map(this::full);
	}

	/**
	 * The appeals inside the caller's scope — pending ones first, by deadline; {@code region} (a region and those
	 * inside it, 403 outside the scope), {@code state} and {@code overdue} narrow it when given.
	 */
	public List<AppealView> list(RegionCode region, AppealState state, Boolean overdue, int page, int size) {
		Caller.requireAny(Role.STAFF, Role.DEPARTMENT, Role.OFFICE);
		checkPage(page, size);
		RegionScope scope = RegionScope.current();
		if (region != null) {
			scope.require("regionCode", region);
		}
		Instant now = clock.instant();
		return store.page(scope, region, state, overdue, now, page, size).stream()
			.map(a -> view(a, now, store.decisionOf(a.id()).orElse(null), null, null, false))
			.toList();
	}

	/** The content of one evidence file of an appeal (scoped like the appeal). */
	public EvidenceFile evidence(long appealId, long evidenceId) {
		Caller.requireAny(Role.STAFF, Role.DEPARTMENT, Role.OFFICE);
		scoped(appealId);
		return store.evidence(appealId, evidenceId).orElseThrow(() -> HcpException.notFound("evidenceId",
				"UNKNOWN_EVIDENCE", "证明材料不存在", "No such evidence file"));
	}

	/**
	 * The credit records 信用档案 of malicious raters inside the caller's region (and {@code region}, when given: 403
	 * outside the scope), identities masked (office only).
	 */
	public List<CreditRecordView> creditRecords(RegionCode region, int page, int size) {
		Caller.requireAny(Role.OFFICE);
		checkPage(page, size);
		RegionScope scope = RegionScope.current();
		if (region != null) {
			scope.require("regionCode", region);
		}
		return credit.page(scope, region, page, size);
	}

	/** When the filing window of a received order closes (the first instant that is too late); empty before receipt. */
	public Optional<Instant> filingClosesAt(WorkOrderView order) {
		return Optional.ofNullable(order.receivedAt())
			.map(received -> properties.filingWindow().closesAt(calendar::deadline, received));
	}

	static HcpException unknown(long appealId) {
		return HcpException.notFound("appealId", "UNKNOWN_APPEAL", "申诉不存在", "No such appeal");
	}

	private StoredAppeal scoped(long appealId) {
		StoredAppeal a = store.find(appealId).orElseThrow(() -> unknown(appealId));
		RegionScope.current().require("appealId", new RegionCode(a.regionCode()), a.departmentCode(), a.staffNo());
		return a;
	}

	private boolean inScope(StoredAppeal a) {
		return RegionScope.current().covers(new RegionCode(a.regionCode()), a.departmentCode(), a.staffNo());
	}

	private AppealView full(StoredAppeal a) {
		return view(a, clock.instant(), store.decisionOf(a.id()).orElse(null), store.evidenceOf(a.id()),
				audit.of(a.id()), true);
	}

	private static AppealView view(StoredAppeal a, Instant now, AppealView.Decision decision,
			List<AppealView.Evidence> evidence, List<AppealView.Step> steps, boolean withEvidenceText) {
		return new AppealView(a.id(), a.orderId(), a.orderNo(), a.evaluationIds(), a.caseNos(), a.regionCode(),
				a.departmentCode(), a.staffNo(), a.state(), a.reason(), withEvidenceText ? a.evidenceText() : null,
				a.filedBy(), a.filedByRole(), a.orderReceivedAt(), a.filedAt(), a.decideBy(), a.overdue(now),
				a.overdueFlaggedAt(), decision, evidence, steps);
	}

	private static void checkPage(int page, int size) {
		if (page < 0) {
			throw HcpException.invalid("page", "BAD_PAGE", "页码不能为负数", "page cannot be negative");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw HcpException.invalid("size", "BAD_PAGE_SIZE", "每页条数应在 1 到 " + MAX_PAGE_SIZE + " 之间",
					"size must be from 1 to " + MAX_PAGE_SIZE);
		}
	}
}
