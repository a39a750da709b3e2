package org.hcp.analytics;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 上报上级平台评价数 of a report: the ratings of the region and period the upper platform has accepted (or already
 * had), read-only from the exchange's outbox (ADR 0026's pattern, ADR 0032). Null while no upper platform is
 * registered: the report then says 未接入上级平台.
 */
@Component
class UploadedRatings {

	private final JdbcClient jdbc;

	UploadedRatings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Long count(String regionCode, Period period) {
		boolean upper = jdbc.sql("select exists (select 1 from xch_peer where direction = 'UPPER' and enabled)")
			.query(Boolean.class)
			.single();
		if (!upper) {
			return null;
		}
		String prefix = org.hcp.shared.RegionCode.parse("region", regionCode).prefix();
		return jdbc.sql("select count(distinct ref_id) from xch_outbox where kind = 'EVALUATE' and status = 'SENT'"
				+ " and region_code like :prefix and occurred_at >= :from and occurred_at < :to")
			.param("prefix", prefix + "%")
			.param("from", Timestamp.from(period.start()))
			.param("to", Timestamp.from(period.end()))
			.query(Long.class)
			.single();
	}
}
