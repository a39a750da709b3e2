package org.hcp.evaluation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appends ratings; there is no update or delete here, and the database refuses both. */
@Repository
class EvaluationStore {

	static final String COLUMNS = """
			case_id, case_no, service_no, slot, channel, level, indicators, indicator_version, comment, assessed_at,
			assess_number, is_default, scope, group_id, batch_no, chain_no, region_code, department_code, item_code,
			staff_no, window_code, rater_name_enc, rater_cert_enc, rater_cert_hash, rater_mobile_enc, rater_mobile_hash,
			source, received_at, submitted_by, content_hash, submitted_by_user, reference, relayed_from""";

	private final JdbcClient jdbc;
	private final JdbcTemplate template;

	EvaluationStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** What a stored rating ends for its case: the wait for a reminder or default, and an open SMS invitation. */
	private static final String SETTLE = "settled as (delete from evl_pending where case_id in (select case_id from stored)),"
			+ " answered as (update evl_sms_invitation set status = 'ANSWERED', answered_at = ?"
			+ " where case_id in (select case_id from stored) and status = 'OPEN')";

	/** Appends one rating and settles its case, in one round trip; empty when that case's slot is already rated. */
	OptionalLong append(EvaluationRecord r) {
		List<Long> ids = template.query(con -> {
			PreparedStatement ps = con.prepareStatement("with stored as (insert into evl_evaluation(" + COLUMNS + ") values "
					+ "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) on conflict on constraint evl_once_per_slot"
					+ " do nothing returning id, case_id), " + SETTLE + " select id from stored");
			bind(ps, r);
			ps.setTimestamp(34, Timestamp.from(r.receivedAt()));
			return ps;
		}, (rs, i) -> rs.getLong(1));
		return ids.isEmpty() ? OptionalLong.empty() : OptionalLong.of(ids.get(0));
	}

	/**
	 * Appends many ratings and settles their cases in one statement; returns the ids of the stored ones by (case id,
	 * slot). Rows whose slot is already rated are skipped by the database, so concurrent intakes cannot double-store. Rows go in (case, slot)
	 * order — one lock order for every writer, so overlapping arrays cannot deadlock — and database errors arrive as
	 * Spring's translated exceptions.
	 */
	Map<Key, Long> appendAll(List<EvaluationRecord> unordered, Instant settledAt) {
		if (unordered.isEmpty()) {
			return Map.of();
		}
		List<EvaluationRecord> rows = unordered.stream()
			.sorted(Comparator.comparingLong(EvaluationRecord::caseId).thenComparingInt(EvaluationRecord::slot))
			.toList();
		return template.execute((Connection con) -> {
			try (PreparedStatement ps = con.prepareStatement(BULK_INSERT)) {
				bindColumns(con, ps, new Columns(rows));
				ps.setTimestamp(32, Timestamp.from(settledAt));
				Map<Key, Long> stored = new HashMap<>();
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						stored.put(new Key(rs.getLong(2), rs.getInt(3)), rs.getLong(1));
					}
				}
				return stored;
			}
		});
	}

	/** Instants travel as microseconds since the epoch: exact, and no text to format and parse per value. */
	private static final String BULK_INSERT = "with stored as (insert into evl_evaluation(" + COLUMNS + ") "
			+ "select case_id, case_no, service_no, slot, channel, level, indicators, indicator_version, comment,"
			+ " timestamptz 'epoch' + assessed_at * interval '1 microsecond', assess_number, is_default, scope, group_id,"
			+ " batch_no, chain_no, region_code, department_code, item_code, staff_no, window_code, rater_name_enc,"
			+ " rater_cert_enc, rater_cert_hash, rater_mobile_enc, rater_mobile_hash, source,"
			+ " timestamptz 'epoch' + received_at * interval '1 microsecond', submitted_by, content_hash,"
			+ " null::bigint, null::varchar, relayed_from from unnest(?::bigint[], ?::varchar[], ?::int[], ?::int[], ?::varchar[], ?::smallint[],"
			+ " ?::varchar[], ?::int[], ?::varchar[], ?::bigint[], ?::smallint[], ?::boolean[], ?::varchar[],"
			+ " ?::uuid[], ?::varchar[], ?::varchar[], ?::char(12)[], ?::varchar[], ?::varchar[], ?::varchar[],"
			+ " ?::varchar[], ?::bytea[], ?::bytea[], ?::bytea[], ?::bytea[], ?::bytea[], ?::varchar[],"
			+ " ?::bigint[], ?::bigint[], ?::bytea[], ?::varchar[]) as u(case_id, case_no, service_no, slot, channel, level, indicators,"
			+ " indicator_version, comment, assessed_at, assess_number, is_default, scope, group_id, batch_no, chain_no,"
			+ " region_code, department_code, item_code, staff_no, window_code, rater_name_enc, rater_cert_enc,"
			+ " rater_cert_hash, rater_mobile_enc, rater_mobile_hash, source, received_at, submitted_by, content_hash,"
			+ " relayed_from) on conflict on constraint evl_once_per_slot do nothing returning id, case_id, slot), " + SETTLE
			+ " select id, case_id, slot from stored";

	private static void bindColumns(Connection con, PreparedStatement ps, Columns c) throws SQLException {
		Object[][] columns = { c.caseId, c.caseNo, c.serviceNo, c.slot, c.channel, c.level, c.indicators,
				c.indicatorVersion, c.comment, c.assessedAt, c.assessNumber, c.isDefault, c.scope, c.groupId, c.batchNo,
				c.chainNo, c.regionCode, c.departmentCode, c.itemCode, c.staffNo, c.windowCode, c.raterNameEnc,
				c.raterCertEnc, c.raterCertHash, c.raterMobileEnc, c.raterMobileHash, c.source, c.receivedAt,
				c.submittedBy, c.contentHash, c.relayedFrom };
		String[] types = { "bigint", "varchar", "int4", "int4", "varchar", "int2", "varchar", "int4", "varchar",
				"int8", "int2", "bool", "varchar", "uuid", "varchar", "varchar", "bpchar", "varchar", "varchar",
				"varchar", "varchar", "bytea", "bytea", "bytea", "bytea", "bytea", "varchar", "int8", "int8",
				"bytea", "varchar" };
		for (int i = 0; i < columns.length; i++) {
			ps.setArray(i + 1, con.createArrayOf(types[i], columns[i]));
		}
	}

	/** A rating arrived for these cases: they no longer wait for a reminder, and their invitations are answered. */
	void settle(Collection<Long> caseIds, Instant now) {
		if (caseIds.isEmpty()) {
			return;
		}
		jdbc.sql("""
				with settled as (delete from evl_pending where case_id = any(:ids))
				update evl_sms_invitation set status = 'ANSWERED', answered_at = :now
				where case_id = any(:ids) and status = 'OPEN'""")
			.param("ids", caseIds.toArray(Long[]::new))
			.param("now", Timestamp.from(now))
			.update();
	}

	/** The stars of every rated slot of these cases. */
	Map<Key, Integer> ratedSlots(Collection<Long> caseIds) {
		Map<Key, Integer> rated = new HashMap<>();
		if (caseIds.isEmpty()) {
			return rated;
		}
		jdbc.sql("select case_id, slot, level from evl_evaluation where case_id = any(:ids)")
			.param("ids", caseIds.toArray(Long[]::new))
			.query((rs, i) -> rated.put(new Key(rs.getLong(1), rs.getInt(2)), rs.getInt(3)))
			.list();
		return rated;
	}

	boolean anyFor(long caseId) {
		return jdbc.sql("select exists(select 1 from evl_evaluation where case_id = :id)").param("id", caseId)
			.query(Boolean.class).single();
	}

	List<StoredEvaluation> byCaseNo(String caseNo) {
		return jdbc.sql("select id, " + COLUMNS + " from evl_evaluation where case_no = :caseNo order by id")
			.param("caseNo", caseNo)
			.query((rs, i) -> read(rs))
			.list();
	}

	/** Streams every rating in id order (for verification) without holding them all in memory. */
	void forEachInOrder(Consumer<StoredEvaluation> each) {
		template.query(con -> {
			PreparedStatement ps = con.prepareStatement("select id, " + COLUMNS + " from evl_evaluation order by id",
					ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
			ps.setFetchSize(2000);
			return ps;
		}, rs -> {
			each.accept(read(rs));
		});
	}

	static StoredEvaluation read(ResultSet rs) throws SQLException {
		Object group = rs.getObject("group_id");
		Integer version = (Integer) rs.getObject("indicator_version");
		EvaluationRecord r = new EvaluationRecord(rs.getLong("case_id"), rs.getString("case_no"),
				rs.getInt("service_no"), rs.getInt("slot"), Channel.valueOf(rs.getString("channel")), rs.getInt("level"),
				rs.getString("indicators"), version, rs.getString("comment"), instant(rs, "assessed_at"),
				rs.getInt("assess_number"), RatingScope.valueOf(rs.getString("scope")),
				(UUID) group, rs.getString("batch_no"), rs.getString("chain_no"), rs.getString("region_code"),
				rs.getString("department_code"), rs.getString("item_code"), rs.getString("staff_no"),
				rs.getString("window_code"), rs.getBytes("rater_name_enc"), rs.getBytes("rater_cert_enc"),
				rs.getBytes("rater_cert_hash"), rs.getBytes("rater_mobile_enc"), rs.getBytes("rater_mobile_hash"),
				Source.valueOf(rs.getString("source")), instant(rs, "received_at"), (Long) rs.getObject("submitted_by"),
				(Long) rs.getObject("submitted_by_user"), rs.getString("reference"), rs.getString("relayed_from"));
		boolean consistent = rs.getBoolean("is_default") == r.isDefault()
				&& (r.channel() == Channel.DEFAULT) == r.isDefault();
		return new StoredEvaluation(rs.getLong("id"), r, rs.getBytes("content_hash"), consistent);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

	private static void bind(PreparedStatement ps, EvaluationRecord r) throws SQLException {
		int i = 1;
		ps.setLong(i++, r.caseId());
		ps.setString(i++, r.caseNo());
		ps.setInt(i++, r.serviceNo());
		ps.setInt(i++, r.slot());
		ps.setString(i++, r.channel().name());
		ps.setShort(i++, (short) r.level());
		ps.setString(i++, r.indicators());
		ps.setObject(i++, r.indicatorVersion(), Types.INTEGER);
		ps.setString(i++, r.comment());
		ps.setTimestamp(i++, Timestamp.from(r.assessedAt()));
		ps.setShort(i++, (short) r.assessNumber());
		ps.setBoolean(i++, r.isDefault());
		ps.setString(i++, r.scope().name());
		ps.setObject(i++, r.groupId(), Types.OTHER);
		ps.setString(i++, r.batchNo());
		ps.setString(i++, r.chainNo());
		ps.setString(i++, r.regionCode());
		ps.setString(i++, r.departmentCode());
		ps.setString(i++, r.itemCode());
		ps.setString(i++, r.staffNo());
		ps.setString(i++, r.windowCode());
		ps.setBytes(i++, r.raterNameEnc());
		ps.setBytes(i++, r.raterCertEnc());
		ps.setBytes(i++, r.raterCertHash());
		ps.setBytes(i++, r.raterMobileEnc());
		ps.setBytes(i++, r.raterMobileHash());
		ps.setString(i++, r.source().name());
		ps.setTimestamp(i++, Timestamp.from(r.receivedAt()));
		ps.setObject(i++, r.submittedBy(), Types.BIGINT);
		ps.setBytes(i++, ContentHash.of(r));
		ps.setObject(i++, r.submittedByUser(), Types.BIGINT);
		ps.setString(i++, r.reference());
		ps.setString(i, r.relayedFrom());
	}

	/**
	 * A stored rating with its id and the hash stored beside it. {@code consistent}: its is_default and channel
	 * columns agree with its source, as every row written from one {@link Source} does.
	 */
	record StoredEvaluation(long id, EvaluationRecord record, byte[] storedHash, boolean consistent) {

		/** The hash of the row as read; a row whose default columns contradict each other matches no stored hash. */
		byte[] recomputedHash() {
			return consistent ? ContentHash.of(record)
					: ContentHash.sm3(("inconsistent default columns of rating " + id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
	}

	/** The once-per-service key. */
	record Key(long caseId, int slot) {
	}

	/** Exact for any instant of a rating (they are truncated to microseconds before they get here). */
	private static long micros(Instant t) {
		return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
	}

	/** The rows turned into one array per column, for unnest; instants travel as epoch microseconds, UUIDs as text. */
	private static final class Columns {

		final Object[] caseId, caseNo, serviceNo, slot, channel, level, indicators, indicatorVersion, comment,
				assessedAt, assessNumber, isDefault, scope, groupId, batchNo, chainNo, regionCode, departmentCode,
				itemCode, staffNo, windowCode, raterNameEnc, raterCertEnc, raterCertHash, raterMobileEnc,
				raterMobileHash, source, receivedAt, submittedBy, contentHash, relayedFrom;

		Columns(List<EvaluationRecord> rows) {
			int n = rows.size();
			caseId = new Long[n]; caseNo = new String[n]; serviceNo = new Integer[n]; slot = new Integer[n];
			channel = new String[n]; level = new Short[n]; indicators = new String[n]; indicatorVersion = new Integer[n];
			comment = new String[n]; assessedAt = new Long[n]; assessNumber = new Short[n];
			isDefault = new Boolean[n]; scope = new String[n]; groupId = new String[n]; batchNo = new String[n];
			chainNo = new String[n]; regionCode = new String[n]; departmentCode = new String[n];
			itemCode = new String[n]; staffNo = new String[n]; windowCode = new String[n];
			raterNameEnc = new byte[n][]; raterCertEnc = new byte[n][]; raterCertHash = new byte[n][];
			raterMobileEnc = new byte[n][]; raterMobileHash = new byte[n][]; source = new String[n];
			receivedAt = new Long[n]; submittedBy = new Long[n]; contentHash = new byte[n][];
			relayedFrom = new String[n];
			for (int i = 0; i < n; i++) {
				EvaluationRecord r = rows.get(i);
				if (r.submittedByUser() != null || r.reference() != null) {
					throw new IllegalArgumentException("the bulk path stores exchange records, which name no person or reference");
				}
				caseId[i] = r.caseId(); caseNo[i] = r.caseNo(); serviceNo[i] = r.serviceNo(); slot[i] = r.slot();
				channel[i] = r.channel().name(); level[i] = (short) r.level(); indicators[i] = r.indicators();
				indicatorVersion[i] = r.indicatorVersion(); comment[i] = r.comment();
				assessedAt[i] = micros(r.assessedAt()); assessNumber[i] = (short) r.assessNumber();
				isDefault[i] = r.isDefault(); scope[i] = r.scope().name(); groupId[i] = r.groupId() == null ? null : r.groupId().toString();
				batchNo[i] = r.batchNo(); chainNo[i] = r.chainNo(); regionCode[i] = r.regionCode();
				departmentCode[i] = r.departmentCode(); itemCode[i] = r.itemCode(); staffNo[i] = r.staffNo();
				windowCode[i] = r.windowCode(); raterNameEnc[i] = r.raterNameEnc(); raterCertEnc[i] = r.raterCertEnc();
				raterCertHash[i] = r.raterCertHash(); raterMobileEnc[i] = r.raterMobileEnc();
				raterMobileHash[i] = r.raterMobileHash(); source[i] = r.source().name();
				receivedAt[i] = micros(r.receivedAt()); submittedBy[i] = r.submittedBy();
				contentHash[i] = ContentHash.of(r); relayedFrom[i] = r.relayedFrom();
			}
		}
	}
}
