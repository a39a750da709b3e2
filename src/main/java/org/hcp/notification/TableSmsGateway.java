package org.hcp.notification;

import java.sql.Timestamp;
import java.time.Clock;

import org.hcp.privacy.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The default SMS adapter: writes each message to ntf_outbound_sms (mobile encrypted) and logs it masked. */
@Component
@ConditionalOnProperty(name = "hcp.sms.adapter", havingValue = "table", matchIfMissing = true)
class TableSmsGateway implements SmsGateway {

	private static final Logger log = LoggerFactory.getLogger(TableSmsGateway.class);

	private final JdbcClient jdbc;
	private final PersonalData personal;
	private final Clock clock;

	TableSmsGateway(JdbcClient jdbc, PersonalData personal, Clock clock) {
		this.jdbc = jdbc;
		this.personal = personal;
		this.clock = clock;
	}

	@Override
	public String send(OutboundSms message) {
		Long id = jdbc.sql("""
				insert into ntf_outbound_sms(mobile_enc, mobile_hash, mobile_masked, text, purpose, reference, created_at)
				values (:enc, :hash, :masked, :text, :purpose, :reference, :now) returning id""")
			.param("enc", personal.encrypt(message.to().value()))
			.param("hash", personal.lookupHash(PersonalData.LookupKind.MOBILE, message.to().value()))
			.param("masked", message.to().masked())
			.param("text", message.text())
			.param("purpose", message.purpose())
			.param("reference", message.reference())
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		// a one-time code is a secret of the rater's: the log shows that it went, never the digits
		String logged = "ONE_TIME_CODE".equals(message.purpose()) ? message.text().replaceAll("\\d", "*") : message.text();
		log.info("SMS {} to {} ({} {}): {}", id, message.to(), message.purpose(), message.reference(), logged);
		return "table-" + id;
	}
}
