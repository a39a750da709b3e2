package org.hcp.evaluation;

import java.sql.Timestamp;
import java.time.Clock;

import org.hcp.cases.CaseCompleted;
import org.hcp.cases.CaseView;
import org.hcp.cases.Cases;
import org.hcp.cases.NewCase;
import org.hcp.privacy.PersonalData;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a case reported by a business system completes and is not rated yet (a lower platform invites, reminds and
 * defaults its own cases before pushing them): it starts waiting for a rating (reminder, then default), and the
 * applicant is invited by SMS to reply with a digit (published as {@link RatingInvitationDue}; notification sends it). Idempotent, so a re-delivered event changes nothing.
 */
@Component
class RatingInvitations {

	private final Cases cases;
	private final EvaluationStore store;
	private final JdbcClient jdbc;
	private final PersonalData personal;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final CaseLinks links;

	RatingInvitations(Cases cases, EvaluationStore store, JdbcClient jdbc, PersonalData personal,
			ApplicationEventPublisher events, Clock clock, CaseLinks links) {
		this.links = links;
		this.cases = cases;
		this.store = store;
		this.jdbc = jdbc;
		this.personal = personal;
		this.events = events;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(CaseCompleted completed) {
		if (completed.source() == NewCase.Source.EXCHANGE || store.anyFor(completed.caseId())) {
			return;
		}
		CaseView c = cases.find(completed.caseNo()).orElse(null);
		if (c == null || c.lastEvent().isEmpty()) {
			return;
		}
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				insert into evl_pending(case_id, case_no, service_no, completed_at, created_at)
				select :id, :caseNo, :serviceNo, :completedAt, :now
				where not exists (select 1 from evl_evaluation where case_id = :id)
				on conflict do nothing""")
			.param("id", c.id())
			.param("caseNo", c.caseNo())
			.param("serviceNo", c.lastEvent().get().serviceNo())
			.param("completedAt", Timestamp.from(completed.completedAt()))
			.param("now", now)
			.update();
		cases.applicantMobile(c.id()).ifPresent(mobile -> {
			int invited = jdbc.sql("""
					insert into evl_sms_invitation(case_id, case_no, mobile_hash, sent_at, status)
					values (:id, :caseNo, :hash, :now, 'OPEN') on conflict (case_id) do nothing""")
				.param("id", c.id())
				.param("caseNo", c.caseNo())
				.param("hash", personal.lookupHash(PersonalData.LookupKind.MOBILE, mobile.value()))
				.param("now", now)
				.update();
			if (invited == 1) {
				events.publishEvent(new RatingInvitationDue(c.id(), c.caseNo(), SmsTexts.invitation(c, links.urlOf(c.id()))));
			}
		});
	}
}
