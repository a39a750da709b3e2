package org.hcp.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.hcp.security.Caller;
import org.hcp.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over sup_sample and sup_sample_case (both append-only). */
@Repository
class SampleStore {

	private static final HexFormat HEX = HexFormat.of();

	private final JdbcClient jdbc;

	SampleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the sample; empty when this region and quarter were drawn already (also by a concurrent draw). */
	Optional<Long> insert(RegionCode region, Quarter quarter, SupervisionProperties.Sample size, List<String> targeted,
			RevisitDraw.Result result, Caller caller, Instant at) {
		return jdbc.sql("""
				insert into sup_sample (region_code, quarter, method, seed, sample_percent, sample_min, sample_max,
				  per_targeted_item, targeted_items, population, population_digest, random_picks, targeted_picks,
				  drawn_by, drawn_role, drawn_at)
				values (:region, :quarter, :method, :seed, :percent, :min, :max, :perItem, :targeted, :population,
				  :digest, :random, :targetedPicks, :by, :role, :at)
				on conflict (region_code, quarter) do nothing
				returning id""")
			.param("region", region.value())
			.param("quarter", quarter.toString())
			.param("method", RevisitDraw.METHOD)
			.param("seed", result.seed())
			.param("percent", size.percent())
			.param("min", size.min())
			.param("max", size.max())
			.param("perItem", size.perTargetedItem())
			.param("targeted", targeted.isEmpty() ? null : String.join(",", targeted))
			.param("population", result.population())
			.param("digest", result.populationDigest())
			.param("random", (int) result.randomPicks())
			.param("targetedPicks", (int) result.targetedPicks())
			.param("by", SupervisionAudit.actorName(caller))
			.param("role", caller == null || caller.mainRole() == null ? null : caller.mainRole().name())
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.optional();
	}

	void insertCases(long sampleId, List<RevisitDraw.Pick> picks) {
		if (picks.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into sup_sample_case (sample_id, case_id, case_no, region_code, department_code, item_code,
				  completed_at, pick, rank, rank_key)
				select :sample, u.* from unnest(:caseIds::bigint[], :caseNos::varchar[], :regions::varchar[],
				  :departments::varchar[], :items::varchar[], :completed::timestamptz[], :picks::varchar[], :ranks::int[],
				  :keys::bytea[]) as u""")
			.param("sample", sampleId)
			.param("caseIds", picks.stream().mapToLong(p -> p.c().id()).toArray())
			.param("caseNos", picks.stream().map(p -> p.c().caseNo()).toArray(String[]::new))
			.param("regions", picks.stream().map(p -> p.c().region().value()).toArray(String[]::new))
			.param("departments", picks.stream().map(p -> p.c().departmentCode()).toArray(String[]::new))
			.param("items", picks.stream().map(p -> p.c().itemCode()).toArray(String[]::new))
			.param("completed", picks.stream().map(p -> p.c().completedAt().toString()).toArray(String[]::new))
			.param("picks", picks.stream().map(p -> p.kind().name()).toArray(String[]::new))
			.param("ranks", picks.stream().mapToInt(RevisitDraw.Pick::rank).toArray())
			.param("keys", picks.stream().map(RevisitDraw.Pick::rankKey).toArray(byte[][]::new))
			.update();
	}

	Optional<SampleView> find(long id) {
		return jdbc.sql("select * from sup_sample where id = :id").param("id", id).query(this::header).optional()
			.map(this::withCases);
	}

	Optional<SampleView> find(RegionCode region, Quarter quarter) {
		return jdbc.sql("select * from sup_sample where region_code = :region and quarter = :quarter")
			.param("region", region.value())
			.param("quarter", quarter.toString())
			.query(this::header)
			.optional()
			.map(this::withCases);
	}

	/** Samples of regions starting with the prefix (the caller's scope), newest quarter first; without their cases. */
	Paging.Page<SampleView> list(String regionPrefix, Quarter quarter, Paging paging) {
		String where = " where region_code like :prefix" + (quarter == null ? "" : " and quarter = :quarter");
		var count = jdbc.sql("select count(*) from sup_sample" + where).param("prefix", regionPrefix + "%");
		var rows = jdbc.sql("select * from sup_sample" + where + " order by quarter desc, region_code limit :limit offset :offset")
			.param("prefix", regionPrefix + "%")
			.param("limit", paging.size())
			.param("offset", paging.offset());
		if (quarter != null) {
			count = count.param("quarter", quarter.toString());
			rows = rows.param("quarter", quarter.toString());
		}
		return new Paging.Page<>(rows.query(this::header).list(), paging.page(), paging.size(),
				count.query(Long.class).single());
	}

	private SampleView withCases(SampleView s) {
		List<SampleView.SampledCase> cases = jdbc.sql("""
				select c.*, t.id as task_id from sup_sample_case c
				left join sup_call_task t on t.sample_id = c.sample_id and t.case_id = c.case_id
				where c.sample_id = :id order by c.rank""")
			.param("id", s.id())
			.query((rs, n) -> new SampleView.SampledCase(rs.getInt("rank"), rs.getString("pick"), rs.getString("case_no"),
					rs.getString("region_code"), rs.getString("department_code"), rs.getString("item_code"),
					rs.getTimestamp("completed_at").toInstant(), HEX.formatHex(rs.getBytes("rank_key")),
					rs.getObject("task_id", Long.class)))
			.list();
		return new SampleView(s.id(), s.regionCode(), s.quarter(), s.method(), s.seed(), s.samplePercent(), s.sampleMin(),
				s.sampleMax(), s.perTargetedItem(), s.targetedItems(), s.population(), s.populationDigest(), s.randomPicks(),
				s.targetedPicks(), s.drawnBy(), s.drawnRole(), s.drawnAt(), cases);
	}

	private SampleView header(ResultSet rs, int n) throws SQLException {
		String targeted = rs.getString("targeted_items");
		return new SampleView(rs.getLong("id"), rs.getString("region_code"), rs.getString("quarter"),
				rs.getString("method"), HEX.formatHex(rs.getBytes("seed")), rs.getInt("sample_percent"),
				rs.getInt("sample_min"), rs.getInt("sample_max"), rs.getInt("per_targeted_item"),
				targeted == null ? List.of() : Arrays.asList(targeted.split(",")), rs.getInt("population"),
				HEX.formatHex(rs.getBytes("population_digest")), rs.getInt("random_picks"), rs.getInt("targeted_picks"),
				rs.getString("drawn_by"), rs.getString("drawn_role"), rs.getTimestamp("drawn_at").toInstant(), null);
	}
}
