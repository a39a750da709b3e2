package org.hcp.appeal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hcp.jobs.Job;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The job {@code appeal-deadlines} ({@link DecisionDeadline}, domain §8): flags every pending appeal whose decision
 * deadline has passed, once — an audit row and {@link AppealOverdue} for each; a later run flags nothing again.
 */
@Component
class OverdueAppeals implements Job {

	private static final int PAGE = 500;

	private final AppealStore store;
	private final AppealAudit audit;
	private final ApplicationEventPublisher events;
	private final Duration every;

	OverdueAppeals(AppealStore store, AppealAudit audit, ApplicationEventPublisher events, AppealProperties properties) {
		this.store = store;
		this.audit = audit;
		this.events = events;
		this.every = properties.checkEvery();
	}

	@Override
	public String name() {
		return "appeal-deadlines";
	}

	@Override
	public Duration every() {
		return every;
	}

	@Override
	public Map<String, Object> run(Instant asOf) {
		int flagged = 0;
		List<StoredAppeal> page;
		do {
			page = store.overdueUnflagged(asOf, PAGE);
			for (StoredAppeal a : page) {
				if (store.flagOverdue(a.id(), asOf)) {
					flagged++;
					audit.append(a.id(), a.orderId(), AppealAudit.Action.FLAG_OVERDUE, Actor.SYSTEM, asOf,
							"复核期限 " + a.decideBy() + " 已过 / decision deadline passed");
					events.publishEvent(new AppealOverdue(a.id(), a.orderId(), a.orderNo(), a.regionCode(), a.decideBy(), asOf));
				}
			}
		}
		while (page.size() == PAGE);
		return Map.of("flagged", flagged);
	}
}
