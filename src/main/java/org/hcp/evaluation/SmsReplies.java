package org.hcp.evaluation;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hcp.evaluation.rules.BadReviewNeedsReason;
import org.hcp.privacy.Mobile;
import org.hcp.privacy.PersonalData;
import org.hcp.shared.HcpException;
import org.hcp.shared.Level;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SMS replies to a rating invitation: a digit 1–5 (for 1–2 followed by the reason) rates the latest open
 * invitation of that number. Anything else gets an answer SMS saying what to send, and nothing is stored. Replies
 * are read after NFKC normalisation, so full-width digits and spaces (“５”, “２　等候时间长”) count as well.
 */
@Service
class SmsReplies {

	/** "4", "2 等候时间长", "2，材料要求反复" … (after NFKC: full-width forms are folded to ASCII) */
	private static final Pattern REPLY = Pattern.compile("^\\s*([1-5])(?:\\s*[,，.。:：;；、\\s]\\s*(.*?))?\\s*$", Pattern.DOTALL);

	private final JdbcClient jdbc;
	private final PersonalData personal;
	private final Evaluations evaluations;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate tx;
	private final Clock clock;

	SmsReplies(JdbcClient jdbc, PersonalData personal, Evaluations evaluations, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.personal = personal;
		this.evaluations = evaluations;
		this.events = events;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	enum Outcome {
		/** a rating was stored */
		RATED,
		/** the text was not a digit 1–5 */
		UNRECOGNISED,
		/** a bad rating without a reason */
		REASON_REQUIRED,
		/** no open invitation for this number */
		NO_INVITATION,
		/** the rating broke a rule (e.g. already rated) */
		REFUSED
	}

	record Result(Outcome outcome, String caseNo, List<EvaluationView> evaluations, String answer) {
	}

	/** Not one transaction: a refused rating must still leave its answer SMS behind. */
	Result receive(Mobile from, String text, Instant at) {
		Matcher m = REPLY.matcher(normalised(text));
		if (!m.matches()) {
			return answer(from, Outcome.UNRECOGNISED, null, SmsTexts.unrecognised());
		}
		Level level = Level.ofStars("text", Integer.parseInt(m.group(1)));
		String reason = m.group(2) == null || m.group(2).isBlank() ? null : m.group(2).trim();
		if (BadReviewNeedsReason.check(level, List.of(), reason).isPresent()) {
			return answer(from, Outcome.REASON_REQUIRED, null, SmsTexts.reasonRequired(level));
		}
		Optional<String> caseNo = latestOpenInvitation(from);
		if (caseNo.isEmpty()) {
			return answer(from, Outcome.NO_INVITATION, null, SmsTexts.noInvitation());
		}
		try {
			List<EvaluationView> stored = evaluations.rate(new RatingCommand(caseNo.get(), null, Channel.SMS,
					level.stars(), List.of(), reason, at == null ? clock.instant() : at, new Rater(null, null, null, from),
					false, Source.SMS));
			return answer(from, Outcome.RATED, caseNo.get(), stored, SmsTexts.thanks(level));
		}
		catch (HcpException e) {
			if (e.status() == HttpStatus.FORBIDDEN) {
				throw e; // a gateway limited to another region may not act on this case at all: no rating, no answer
			}
			return answer(from, Outcome.REFUSED, caseNo.get(), SmsTexts.refused(e.text().zh()));
		}
	}

	/** Full-width digits, spaces and punctuation as typed on many phones, folded to their ASCII forms. */
	static String normalised(String text) {
		return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC);
	}

	private Optional<String> latestOpenInvitation(Mobile from) {
		return jdbc.sql("""
				select case_no from evl_sms_invitation where mobile_hash = :hash and status = 'OPEN'
				order by sent_at desc, id desc limit 1""")
			.param("hash", personal.lookupHash(PersonalData.LookupKind.MOBILE, from.value()))
			.query(String.class)
			.optional();
	}

	private Result answer(Mobile to, Outcome outcome, String caseNo, String text) {
		return answer(to, outcome, caseNo, List.of(), text);
	}

	/** The answer is announced in a transaction of its own, so it is stored for delivery even when rating failed. */
	private Result answer(Mobile to, Outcome outcome, String caseNo, List<EvaluationView> stored, String text) {
		SmsReplyDue due = new SmsReplyDue(UUID.randomUUID(), personal.encrypt(to.value()), caseNo, text);
		tx.executeWithoutResult(s -> events.publishEvent(due));
		return new Result(outcome, caseNo, stored, text);
	}
}
