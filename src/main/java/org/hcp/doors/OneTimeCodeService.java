package org.hcp.doors;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hcp.cases.CaseView;
import org.hcp.cases.Cases;
import org.hcp.evaluation.OneTimeCodes;
import org.hcp.notification.OutboundSms;
import org.hcp.notification.SmsGateway;
import org.hcp.privacy.Mobile;
import org.hcp.privacy.PersonalData;
import org.hcp.privacy.Sm3;
import org.hcp.shared.Bilingual;
import org.hcp.shared.HcpException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 短信验证码: a rater proves a mobile by the 6-digit code sent to it. A code is sent only to a mobile registered as
 * the applicant of a case (of the named case, when one is named), so the endpoint cannot be used to send SMS to any
 * number; the answer is the same either way, so it does not tell whose number is registered. Requests per mobile are
 * limited (one a minute, ten a day); only a keyed hash of a code is stored.
 */
@Service
public class OneTimeCodeService implements OneTimeCodes {

	static final String PURPOSE = "ONE_TIME_CODE";

	private final JdbcClient jdbc;
	private final PersonalData personal;
	private final Cases cases;
	private final SmsGateway sms;
	private final OneTimeCodeProperties properties;
	private final Clock clock;
	private final byte[] key;
	private final SecureRandom random = new SecureRandom();

	OneTimeCodeService(JdbcClient jdbc, PersonalData personal, Cases cases, SmsGateway sms,
			OneTimeCodeProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.personal = personal;
		this.cases = cases;
		this.sms = sms;
		this.properties = properties;
		this.clock = clock;
		this.key = personal.derivedKey("hcp/one-time-codes");
	}

	/**
	 * Sends a code to {@code mobile} if it is the applicant's of {@code caseNo} (or, with no case named, of any case).
	 * 429 when the mobile asked too often; otherwise the same answer whether a code went out or not.
	 */
	@Transactional
	public void send(Mobile mobile, String caseNo) {
		byte[] hash = personal.lookupHash(PersonalData.LookupKind.MOBILE, mobile.value());
		Instant now = clock.instant();
		// one request at a time per mobile, so two concurrent requests cannot both pass the limits
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(encode(:hash, 'hex'), 7))").param("hash", hash)
			.query(Object.class).single();
		List<Instant> recent = jdbc.sql("""
				select created_at from door_one_time_code where mobile_hash = :hash and created_at > :since
				order by created_at desc""")
			.param("hash", hash)
			.param("since", Timestamp.from(now.minus(Duration.ofDays(1))))
			.query((rs, i) -> rs.getTimestamp(1).toInstant())
			.list();
		if (!recent.isEmpty() && recent.get(0).isAfter(now.minus(properties.minInterval()))) {
			throw tooOften("请稍后再获取验证码（" + properties.minInterval().toSeconds() + " 秒内只能获取一次）",
					"Wait before asking for another code (one per " + properties.minInterval().toSeconds() + " s)");
		}
		if (recent.size() >= properties.maxPerDay()) {
			throw tooOften("今天获取验证码的次数已达上限", "Too many codes for this mobile today");
		}
		String code = applicant(hash, caseNo) ? String.format("%06d", random.nextInt(1_000_000)) : null;
		jdbc.sql("""
				insert into door_one_time_code (mobile_hash, code_hash, created_at, expires_at)
				values (:hash, :code, :now, :expires)""")
			.param("hash", hash)
			.param("code", code == null ? null : codeHash(hash, code))
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(properties.validFor())))
			.update();
		if (code != null) {
			sms.send(new OutboundSms(mobile, text(code), PURPOSE, null));
		}
	}

	/** The latest code of the mobile, if it is unexpired, unused and not tried too often; used up when it matches. */
	@Override
	@Transactional
	public boolean consume(Mobile mobile, String code) {
		if (mobile == null || code == null || !code.matches("\\d{6}")) {
			return false;
		}
		byte[] hash = personal.lookupHash(PersonalData.LookupKind.MOBILE, mobile.value());
		Instant now = clock.instant();
		record Latest(long id, byte[] codeHash, int attempts) {
		}
		Latest latest = jdbc.sql("""
				select id, code_hash, attempts from door_one_time_code
				where mobile_hash = :hash and code_hash is not null and used_at is null and expires_at > :now
				order by created_at desc limit 1 for update""")
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.query((rs, i) -> new Latest(rs.getLong(1), rs.getBytes(2), rs.getInt(3)))
			.optional()
			.orElse(null);
		if (latest == null || latest.attempts() >= properties.maxAttempts()) {
			return false;
		}
		boolean good = MessageDigest.isEqual(latest.codeHash(), codeHash(hash, code));
		jdbc.sql("update door_one_time_code set attempts = attempts + 1, used_at = :used where id = :id")
			.param("used", good ? Timestamp.from(now) : null)
			.param("id", latest.id())
			.update();
		return good;
	}

	private boolean applicant(byte[] mobileHash, String caseNo) {
		if (caseNo == null || caseNo.isBlank()) {
			return !cases.ofApplicantMobile(mobileHash, 1).isEmpty();
		}
		return cases.find(caseNo.trim()).map(CaseView::applicantMobileHash)
			.filter(h -> MessageDigest.isEqual(h, mobileHash))
			.isPresent();
	}

	private byte[] codeHash(byte[] mobileHash, String code) {
		byte[] input = new byte[mobileHash.length + 6];
		System.arraycopy(mobileHash, 0, input, 0, mobileHash.length);
		System.arraycopy(code.getBytes(StandardCharsets.US_ASCII), 0, input, mobileHash.length, 6);
		return Sm3.hmac(key, input);
	}

	private String text(String code) {
		return "【好差评】您的评价验证码为 " + code + "，" + properties.validFor().toMinutes() + " 分钟内有效，请勿告诉他人。";
	}

	private static HcpException tooOften(String zh, String en) {
		return new HcpException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_CODES", Bilingual.of(zh, en),
				List.of(org.hcp.shared.FieldProblem.of("mobile", zh, en)));
	}
}
