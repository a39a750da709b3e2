package org.hcp.evaluation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hcp.calendar.CalendarYearMissing;
import org.hcp.calendar.WorkingCalendar;
import org.hcp.calendar.WorkingDays;
import org.hcp.cases.Cases;
import org.hcp.jobs.Job;
import org.hcp.notification.OutboundSms;
import org.hcp.notification.SmsGateway;
import org.hcp.shared.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 未评价提醒与默认评价 (domain §6.4): a completed case not rated within 1 working day gets a reminder SMS; still not
 * rated 4 working days after the reminder, it gets the default rating 满意, flagged as default. Each case is its own
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
	private final SmsGateway sms;
	private final EvaluationProperties properties;
	private final TransactionTemplate perCase;

	UnratedCases(JdbcClient jdbc, WorkingCalendar calendar, Cases cases, Evaluations evaluations, SmsGateway sms,
			EvaluationProperties properties, PlatformTransactionManager transactions) {
		this.perCase = new TransactionTemplate(transactions);
		this.perCase.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.cases = cases;
		this.evaluations = evaluations;
		this.sms = sms;
		this.properties = properties;
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
						Level level = Level.ofStars("defaultLevel", properties.defaultLevel());
						defaulted += Boolean.TRUE.equals(perCase.execute(
								tx -> evaluations.recordDefault(p.caseNo, p.serviceNo, level, asOf))) ? 1 : 0;
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

	/** Reminder due once the first working day after completion has ended. */
	boolean dueToRemind(Pending p, Instant asOf) {
		return !asOf.isBefore(calendar.deadline(p.completedAt, WorkingDays.of(properties.remindAfter())));
	}

	/** Default due once the fourth working day after the reminder has ended. */
	boolean dueToDefault(Pending p, Instant asOf) {
		return !asOf.isBefore(calendar.deadline(p.reminderSentAt, WorkingDays.of(properties.defaultAfterReminder())));
	}

	/** Records the reminder and sends it, once: a run that finds it already recorded sends nothing. */
	private boolean remind(Pending p, Instant asOf) {
		int marked = jdbc.sql("update evl_pending set reminder_sent_at = :at where case_id = :id and reminder_sent_at is null")
			.param("at", Timestamp.from(asOf))
			.param("id", p.caseId)
			.update();
		if (marked == 1) {
			cases.applicantMobile(p.caseId).ifPresent(mobile -> cases.find(p.caseNo).ifPresent(
					c -> sms.send(new OutboundSms(mobile, SmsTexts.reminder(c), "REMINDER", c.caseNo()))));
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
