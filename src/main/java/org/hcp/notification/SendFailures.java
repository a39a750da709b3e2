package org.hcp.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.hcp.privacy.Mobile;
import org.hcp.security.RegionScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failed sends in ntf_send_failure (append-only, recipient masked). A delivery is resolved when its key is in
 * ntf_delivery: the claim there commits only with a send that went through.
 */
@Repository
class SendFailures {

	private final JdbcClient jdbc;

	SendFailures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records one failed attempt; returns its number (1 for the first failure of this delivery). */
	int record(SmsDelivery d, Mobile to, String error, boolean retried, Instant now) {
		return jdbc.sql("""
				insert into ntf_send_failure(delivery_key, purpose, reference, region_code, mobile_masked, error, attempt,
				  retried, failed_at)
				select :key, :purpose, :reference, :region, :to, :error, count(*) + 1, :retried, :now
				  from ntf_send_failure where delivery_key = :key
				returning attempt""")
			.param("key", d.key())
			.param("purpose", d.purpose())
			.param("reference", d.reference())
			.param("region", regionOf(d))
			.param("to", to == null ? null : to.masked())
			.param("error", error)
			.param("retried", retried)
			.param("now", Timestamp.from(now))
			.query(Integer.class)
			.single();
	}

	/**
	 * The failed deliveries inside the scope, newest failure first, optionally in one state. A scope limited to a
	 * region sees only failures of that region and below; failures whose region is unknown are the admin's.
	 */
	List<FailedSend> list(RegionScope scope, FailedSend.State state, int limit) {
		return jdbc.sql("""
				select * from (
				  select distinct on (f.delivery_key) f.id, f.delivery_key, f.purpose, f.reference, f.region_code,
				         f.mobile_masked, f.error, f.attempt, f.retried, f.failed_at, d.delivered_at,
				         case when not f.retried then 'UNDELIVERABLE'
				              when d.delivery_key is null then 'UNSENT' else 'RESOLVED' end as state
				    from ntf_send_failure f
				    left join ntf_delivery d on d.delivery_key = f.delivery_key
				   where cast(:scope as text) is null or f.region_code like :scope
				   order by f.delivery_key, f.id desc) latest
				 where cast(:state as text) is null or latest.state = :state
				 order by latest.id desc limit :limit""")
			.param("scope", scope.region().map(r -> r.prefix() + "%").orElse(null))
			.param("state", state == null ? null : state.name())
			.param("limit", limit)
			.query(SendFailures::map)
			.list();
	}

	private static String regionOf(SmsDelivery d) {
		try {
			return d.region().get();
		}
		catch (RuntimeException e) {
			// the failure is recorded all the same; without a region only the admin sees it
			return null;
		}
	}

	private static FailedSend map(ResultSet rs, int row) throws SQLException {
		FailedSend.State state = FailedSend.State.valueOf(rs.getString("state"));
		Timestamp delivered = rs.getTimestamp("delivered_at");
		return new FailedSend(rs.getString("delivery_key"), rs.getString("purpose"), rs.getString("reference"),
				rs.getString("region_code"), rs.getString("mobile_masked"), rs.getString("error"), rs.getInt("attempt"),
				rs.getTimestamp("failed_at").toInstant(), state,
				state == FailedSend.State.RESOLVED && delivered != null ? delivered.toInstant() : null);
	}
}
