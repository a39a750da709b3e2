package org.hcp.appeal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.hcp.calendar.WorkingCalendar;
import org.hcp.rectification.WorkOrderView;
import org.hcp.rectification.WorkOrders;
import org.hcp.security.Caller;
import org.hcp.security.Role;
import org.hcp.shared.Bilingual;
import org.hcp.shared.HcpException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files an appeal (domain §8): checks who appeals and what, the filing window, the reason and the evidence — all
 * before anything is stored — then stores the appeal with its evidence and audit row, pauses the work order's
 * deadlines and announces it, in one transaction.
 */
@Service
class FilingAppeal {

	private final WorkOrders orders;
	private final AppealStore store;
	private final AppealAudit audit;
	private final WorkingCalendar calendar;
	private final AppealProperties properties;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	FilingAppeal(WorkOrders orders, AppealStore store, AppealAudit audit, WorkingCalendar calendar,
			AppealProperties properties, ApplicationEventPublisher events, Clock clock) {
		this.orders = orders;
		this.store = store;
		this.audit = audit;
		this.calendar = calendar;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	long file(NewAppeal appeal) {
		return file(appeal, clock.instant());
	}

	/** As {@link #file(NewAppeal)}, filed at the given instant (the filing window is checked against it). */
	@Transactional
	long file(NewAppeal appeal, Instant at) {
		Caller.requireAny(Role.STAFF, Role.DEPARTMENT);
		Caller caller = Caller.current().orElseThrow(FilingAppeal::nobody);
		if (appeal.orderId() == null) {
			throw HcpException.invalid("orderId", "REQUIRED", "请指定要申诉的工单", "orderId is required");
		}
		WorkOrderView order = orders.find(appeal.orderId());
		Role appellant = WhoMayAppeal.check(caller, order);
		AppealableOrder.check(order);
		store.forOrder(order.id()).ifPresent(existing -> {
			throw alreadyAppealed(existing);
		});
		properties.filingWindow().check(calendar::deadline, order.receivedAt(), at);
		String reason = Texts.required("reason", "申诉理由", appeal.reason(), 1000);
		String evidenceText = Texts.optional("evidenceText", "证明材料说明", appeal.evidenceText(), 4000);
		List<EvidenceRules.CheckedFile> files = properties.evidenceRules().check(appeal.attachments());
		Instant decideBy = properties.decisionDeadline().decideBy(calendar::deadline, at);
		Actor actor = Actor.of(caller, appellant);

		StoredAppeal draft = new StoredAppeal(0, order.id(), order.orderNo(), order.evaluationIds(),
				order.caseNos() == null ? List.of() : order.caseNos(), order.regionCode(), order.departmentCode(),
				order.staffNo(), reason, evidenceText, actor.userId(), actor.keyId(), actor.name(), actor.role(),
				order.receivedAt(), at, decideBy, AppealState.PENDING, null, null);
		long id = store.insert(draft).orElseThrow(() -> alreadyAppealed(store.forOrder(order.id()).orElseThrow()));
		files.forEach(f -> store.addEvidence(id, f, at));
		audit.append(id, order.id(), AppealAudit.Action.FILE, actor, at, reason);
		orders.pauseForAppeal(order.id(), id, at);
		events.publishEvent(new AppealFiled(id, order.id(), order.orderNo(), order.regionCode(), order.departmentCode(),
				order.staffNo(), actor.name(), actor.role(), at, decideBy));
		return id;
	}

	private static HcpException alreadyAppealed(StoredAppeal existing) {
		return existing.pending()
				? HcpException.conflict("orderId", "APPEAL_PENDING", "该工单已有待复核的申诉（编号 " + existing.id() + "）",
						"This work order has a pending appeal already (no. " + existing.id() + ")")
				: HcpException.conflict("orderId", "APPEAL_DECIDED",
						"该工单的申诉（编号 " + existing.id() + "）已复核完毕，复核决定为最终决定",
						"This work order's appeal (no. " + existing.id() + ") was decided; the decision is final");
	}

	private static HcpException nobody() {
		return new HcpException(HttpStatus.FORBIDDEN, "NOT_APPELLANT",
				Bilingual.of("申诉需要登录账号", "Appealing needs a signed-in account"), List.of());
	}
}
