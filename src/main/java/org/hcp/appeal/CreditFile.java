package org.hcp.appeal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.hcp.evaluation.Rater;
import org.hcp.privacy.Masks;
import org.hcp.privacy.PersonalData;
import org.hcp.privacy.PersonalData.LookupKind;
import org.hcp.security.RegionScope;
import org.hcp.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 信用档案 (domain §8): a rater whose rating an appeal found malicious is recorded — identity encrypted at rest with
 * keyed look-up hashes (ID number, mobile), masked in every view. Append-only (apl_credit_record).
 */
@Repository
class CreditFile {

	private final JdbcClient jdbc;
	private final PersonalData personal;

	CreditFile(JdbcClient jdbc, PersonalData personal) {
		this.jdbc = jdbc;
		this.personal = personal;
	}

	void record(StoredAppeal appeal, long decisionId, Rater rater, List<Long> evaluationIds, String reason, Actor by,
			Instant at) {
		String mobile = rater.mobile() == null ? null : rater.mobile().value();
		jdbc.sql("""
				insert into apl_credit_record(appeal_id, decision_id, order_no, evaluation_ids, region_code,
				  rater_name_enc, rater_cert_enc, rater_cert_hash, rater_mobile_enc, rater_mobile_hash, reason,
				  recorded_by, recorded_at)
				values (:appeal, :decision, :orderNo, :evaluationIds, :region, :nameEnc, :certEnc, :certHash, :mobileEnc,
				  :mobileHash, :reason, :by, :at)""")
			.param("appeal", appeal.id())
			.param("decision", decisionId)
			.param("orderNo", appeal.orderNo())
			.param("evaluationIds", evaluationIds.toArray(Long[]::new))
			.param("region", appeal.regionCode())
			.param("nameEnc", personal.encrypt(rater.name()))
			.param("certEnc", personal.encrypt(rater.certNo()))
			.param("certHash", personal.lookupHash(LookupKind.ID_NUMBER, rater.certNo()))
			.param("mobileEnc", personal.encrypt(mobile))
			.param("mobileHash", personal.lookupHash(LookupKind.MOBILE, mobile))
			.param("reason", reason)
			.param("by", by.name())
			.param("at", Timestamp.from(at))
			.update();
	}

	/** A page of the records inside the scope (and {@code within}, when given), newest first, identities masked. */
	List<CreditRecordView> page(RegionScope scope, RegionCode within, int page, int size) {
		return jdbc.sql("""
				select id, appeal_id, order_no, evaluation_ids, region_code, rater_name_enc, rater_cert_enc,
				  rater_mobile_enc, reason, recorded_by, recorded_at
				from apl_credit_record
				where (cast(:prefix as varchar) is null or region_code like :prefix)
				  and (cast(:within as varchar) is null or region_code like :within)
				order by id desc limit :limit offset :offset""")
			.param("prefix", scope.region().map(r -> r.prefix() + "%").orElse(null))
			.param("within", within == null ? null : within.prefix() + "%")
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, i) -> new CreditRecordView(rs.getLong("id"), rs.getLong("appeal_id"), rs.getString("order_no"),
					Arrays.asList((Long[]) rs.getArray("evaluation_ids").getArray()), rs.getString("region_code"),
					Masks.name(personal.decrypt(rs.getBytes("rater_name_enc"))),
					Masks.mobile(personal.decrypt(rs.getBytes("rater_mobile_enc"))),
					Masks.idNumber(personal.decrypt(rs.getBytes("rater_cert_enc"))), rs.getString("reason"),
					rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}
}
