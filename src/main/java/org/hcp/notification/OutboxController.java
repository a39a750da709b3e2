package org.hcp.notification;

import java.util.List;
import java.util.Map;

import org.hcp.privacy.Mobile;
import org.hcp.privacy.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What the table adapter has sent, masked; to a mobile when one is given (looked up by keyed hash). */
@RestController
@Tag(name = "notification 消息通知")
class OutboxController {

	private final JdbcClient jdbc;
	private final PersonalData personal;

	OutboxController(JdbcClient jdbc, PersonalData personal) {
		this.jdbc = jdbc;
		this.personal = personal;
	}

	@GetMapping("/api/v1/admin/sms/outbound")
	@Operation(summary = "Messages written by the table SMS adapter, newest first, mobiles masked")
	Map<String, List<Map<String, Object>>> sent(@RequestParam(required = false) String mobile,
			@RequestParam(defaultValue = "50") int limit) {
		Mobile to = Mobile.parseOptional("mobile", mobile);
		List<Map<String, Object>> rows = jdbc.sql("""
				select id, mobile_masked, text, purpose, reference, created_at from ntf_outbound_sms
				where (cast(:hash as bytea) is null or mobile_hash = :hash) order by id desc limit :limit""")
			.param("hash", to == null ? null : personal.lookupHash(PersonalData.LookupKind.MOBILE, to.value()))
			.param("limit", Math.max(1, Math.min(limit, 500)))
			.query((rs, i) -> Map.<String, Object>of("id", rs.getLong("id"), "to", rs.getString("mobile_masked"),
					"text", rs.getString("text"), "purpose", rs.getString("purpose"),
					"reference", rs.getString("reference") == null ? "" : rs.getString("reference"),
					"at", rs.getTimestamp("created_at").toInstant().toString()))
			.list();
		return Map.of("messages", rows);
	}
}
