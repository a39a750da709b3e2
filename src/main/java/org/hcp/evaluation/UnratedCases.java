package org.hcp.evaluation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hcp.calendar.CalendarYearMissing;
import org.hcp.calendar.WorkingCalendar;
import org.hcp.cases.Cases;
import org.hcp.jobs.Job;
import org.hcp.evaluation.rules.DefaultRating;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the rule {@link DefaultRating} (未评价提醒与默认评价, domain §6.4) over the cases waiting for a rating: the
 * reminder is announced as {@link RatingReminderDue} (notification sends it), the default recorded as a rating. Each case is its own
 * transaction, so one failure neither undoes nor repeats the others' reminders.
 */
@Component
class UnratedCases implements Job {

	private static final Logger log = LoggerFactory.getLogger(UnratedCases.class);
	private static final int PAGE = 1000;

	private final JdbcClient jdbc;
	private final WorkingCalendar calendar;
	private final Cases cases;
	private final Evaluations evaluations;
	private final ApplicationEventPublisher events;
	private final DefaultRating rule;
	private final TransactionTemplate perCase;
	private final CaseLinks links;

	UnratedCases(JdbcClient jdbc, WorkingCalendar calendar, Cases cases, Evaluations evaluations,
			ApplicationEventPublisher events, EvaluationProperties properties, PlatformTransactionManager transactions,
			CaseLinks links) {
		this.links = links;
		this.perCase = new TransactionTemplate(transactions);
		this.perCase.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.cases = cases;
		this.evaluations = evaluations;
		this.events = events;
		this.rule = properties.defaultRating();
	}

	@Override
	public String name() {
		return "unrated-cases";
	}

	@Override
	public Duration every() {
		return Duration.ofMinutes(10);
	}

	@Override
	public Map<String, Object> run(Instant asOf) {
		int reminded = 0;
		int defaulted = 0;
		int skipped = 0;
		long after = 0;
		List<Pending> page;
		do {
			page = page(after);
			for (Pending p : page) {
				after = p.caseId;
				try {
					if (p.reminderSentAt == null && dueToRemind(p, asOf)) {
						reminded += Boolean.TRUE.equals(perCase.execute(tx -> remind(p, asOf))) ? 1 : 0;
					}
					else if (p.reminderSentAt != null && dueToDefault(p, asOf)) {
						defaulted += Boolean.TRUE.equals(perCase.execute(
								tx -> evaluations.recordDefault(p.caseNo, p.serviceNo, rule.level(), asOf))) ? 1 : 0;
					}
				}
				catch (CalendarYearMissing e) {
					skipped++;
					log.error("Case {} waits for a rating but its deadline falls in {}, which the calendar lacks", p.caseNo, e.year());
				}
			}
		}
		while (page.size() == PAGE);
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("reminded", reminded);
		report.put("defaulted", defaulted);
		report.put("skippedForMissingCalendar", skipped);
		return report;
	}

	boolean dueToRemind(Pending p, Instant asOf) {
		return rule.reminderDue(calendar::deadline, p.completedAt, asOf);
	}

	boolean dueToDefault(Pending p, Instant asOf) {
		return rule.defaultDue(calendar::deadline, p.reminderSentAt, asOf);
	}

	/** Records the reminder and announces it, once: a run that finds it already recorded announces nothing. */
	private boolean remind(Pending p, Instant asOf) {
		int marked = jdbc.sql("update evl_pending set reminder_sent_at = :at where case_id = :id and reminder_sent_at is null")
			.param("at", Timestamp.from(asOf))
			.param("id", p.caseId)
			.update();
		if (marked == 1) {
			cases.find(p.caseNo).ifPresent(
					c -> events.publishEvent(new RatingReminderDue(c.id(), c.caseNo(), SmsTexts.reminder(c, links.urlOf(c.id())))));
		}
		return marked == 1;
	}

	private List<Pending> page(long after) {
		return jdbc.sql("""
				select case_id, case_no, service_no, completed_at, reminder_sent_at from evl_pending
				where case_id > :after order by case_id limit :limit""")
			.param("after", after)
			.param("limit", PAGE)
			.query((rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getTimestamp(4).toInstant(),
					rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
			.list();
	}

	record Pending(long caseId, String caseNo, int serviceNo, Instant completedAt, Instant reminderSentAt) {
	}
}
