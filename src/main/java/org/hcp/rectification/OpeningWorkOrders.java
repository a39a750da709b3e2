package org.hcp.rectification;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import org.hcp.calendar.WorkingCalendar;
import org.hcp.cases.CaseView;
import org.hcp.cases.Cases;
import org.hcp.evaluation.BadReviewReceived;
import org.hcp.privacy.Masks;
import org.hcp.privacy.Mobile;
import org.hcp.privacy.PersonalData;
import org.hcp.shared.RegionCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens work orders (谁办理、谁负责): one per stored bad rating, owned by the department that handled the case — a
 * batch or chain rating (one row per case, one group id) opens one order per responsible department, referencing all
 * its cases. Runs after the rating committed, in its own transaction, from the event publication registry (retried
 * until it succeeds), so the intake does no more than before; the unique source key makes a re-delivery a no-op. A
 * rating relayed by a lower platform opens a remote order instead (ADR 0033): no deadline, no rater to call, read-only
 * here, followed through {@link RemoteOrders}.
 */
@Component
class OpeningWorkOrders {

	private final WorkOrderRepository orders;
	private final AuditTrail audit;
	private final RuleProfiles profiles;
	private final Cases cases;
	private final PersonalData personal;
	private final WorkingCalendar calendar;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	OpeningWorkOrders(WorkOrderRepository orders, AuditTrail audit, RuleProfiles profiles, Cases cases,
			PersonalData personal, WorkingCalendar calendar, ApplicationEventPublisher events, Clock clock) {
		this.orders = orders;
		this.audit = audit;
		this.profiles = profiles;
		this.cases = cases;
		this.personal = personal;
		this.calendar = calendar;
		this.events = events;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(BadReviewReceived bad) {
		open(bad);
	}

	/** The order of this bad rating (new, or the one its group already opened); its id. */
	@Transactional
	long open(BadReviewReceived bad) {
		Optional<Long> linked = orders.orderOfEvaluation(bad.evaluationId());
		if (linked.isPresent()) {
			return linked.get();
		}
		String region = bad.regionCode();
		if (region == null) {
			region = cases.find(bad.caseNo()).map(CaseView::region).map(RegionCode::value).orElseThrow(
					() -> new IllegalStateException("The case of bad review " + bad.evaluationId() + " is unknown"));
		}
		String key = bad.groupId() == null ? "BAD_REVIEW:E:" + bad.evaluationId()
				: "BAD_REVIEW:G:" + bad.groupId() + ":" + bad.departmentCode();
		boolean remote = bad.relayedFrom() != null;
		// a remote order is handled by the lower platform: the rater is called from there, never from here
		byte[] mobile = remote ? null : bad.raterMobileEnc();
		if (mobile == null && !remote) {
			mobile = cases.applicantMobile(bad.caseId()).map(m -> personal.encrypt(m.value())).orElse(null);
		}
		String masked = mobile == null ? null : Masks.mobile(personal.decrypt(mobile));
		String summary = bad.comment() == null || bad.comment().isBlank() ? null
				: bad.comment().length() > 1000 ? bad.comment().substring(0, 1000) : bad.comment();
		Instant at = clock.instant();
		WorkOrderRepository.NewOrder order = new WorkOrderRepository.NewOrder(WorkOrderSource.BAD_REVIEW, key, region,
				bad.departmentCode(), bad.staffNo(), null, bad.windowCode(), bad.itemCode(),
				bad.level() == 0 ? null : bad.level(), summary, mobile, masked,
				profiles.effective(new RegionCode(region)).profile().code(), at, bad.relayedFrom());
		OptionalLong opened = orders.insert(order);
		long id = opened.isPresent() ? opened.getAsLong() : orders.idBySourceKey(key).orElseThrow();
		orders.link(id, bad.evaluationId(), bad.caseId(), bad.caseNo());
		if (opened.isPresent()) {
			announceOpened(id, "evaluationId=" + bad.evaluationId() + "; caseNo=" + bad.caseNo()
					+ (remote ? "; relayedFrom=" + bad.relayedFrom() : ""), at);
		}
		return id;
	}

	/**
	 * A supervision finding or comment marked as a problem: opened and dispatched at once (it was checked when it was
	 * found), then the same path and deadlines as a bad review. Again for the same finding: the same order.
	 */
	@Transactional
	long open(FindingReference finding) {
		String key = finding.source() + ":" + finding.findingId();
		Optional<Long> known = orders.idBySourceKey(key);
		if (known.isPresent()) {
			return known.get();
		}
		Instant at = clock.instant();
		RuleProfile rules = profiles.effective(finding.regionCode()).profile();
		String summary = finding.summary() == null ? null
				: finding.summary().length() > 1000 ? finding.summary().substring(0, 1000) : finding.summary();
		OptionalLong opened = orders.insert(new WorkOrderRepository.NewOrder(finding.source(), key,
				finding.regionCode().value(), finding.departmentCode(), finding.staffNo(), finding.institutionCode(),
				finding.windowCode(), finding.itemCode(), null, summary, null, null, rules.code(), at));
		if (opened.isEmpty()) {
			return orders.idBySourceKey(key).orElseThrow();
		}
		long id = opened.getAsLong();
		announceOpened(id, "findingId=" + finding.findingId(), at);
		WorkOrder o = orders.find(id).orElseThrow();
		o.dispatch(at, rules, calendar);
		orders.save(o);
		for (WorkOrder.Step step : o.steps) {
			audit.append(id, at, step);
			events.publishEvent(new WorkOrderAdvanced(id, o.orderNo, step.action(), step.from(), step.to(), o.regionCode,
					o.departmentCode, o.staffNo, at));
		}
		return id;
	}

	private void announceOpened(long id, String details, Instant at) {
		WorkOrder o = orders.find(id).orElseThrow();
		audit.append(id, at, new WorkOrder.Step("open", null, WorkOrderState.RECEIVED, null, details));
		events.publishEvent(new WorkOrderOpened(id, o.orderNo, o.source, o.regionCode, o.departmentCode, o.staffNo, at));
	}

	static Optional<Mobile> mobileOf(PersonalData personal, byte[] enc) {
		return enc == null ? Optional.empty() : Optional.of(new Mobile(personal.decrypt(enc)));
	}
}
