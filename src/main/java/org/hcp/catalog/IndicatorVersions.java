package org.hcp.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

/**
 * Versions of the indicator table: a draft copied from the current version is edited, then published, which makes
 * it current. Published versions never change, so a stored evaluation's indicator codes keep their meaning.
 */
@Service
class IndicatorVersions {

	private final JdbcClient jdbc;
	private final IndicatorCatalog catalog;
	private final Clock clock;

	IndicatorVersions(JdbcClient jdbc, IndicatorCatalog catalog, Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<Map<String, Object>> versions() {
		return jdbc.sql("""
				select v.version, v.status, v.note, v.created_at, v.published_at, count(i.code) as indicators
				from cat_indicator_version v left join cat_indicator i on i.version = v.version
				group by v.version order by v.version""").query((rs, n) -> {
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("version", rs.getInt("version"));
			view.put("status", rs.getString("status"));
			view.put("note", rs.getString("note"));
			view.put("createdAt", instant(rs.getTimestamp("created_at")));
			view.put("publishedAt", instant(rs.getTimestamp("published_at")));
			view.put("indicators", rs.getInt("indicators"));
			return view;
		}).list();
	}

	/** The version asked for, or the current one when none is named. */
	int versionOrCurrent(Integer version) {
		return version == null ? catalog.currentVersion() : version;
	}

	@Transactional(readOnly = true)
	List<Indicator> indicators(int version) {
		status(version, false);
		return catalog.indicators(version);
	}

	/** Opens the next version as a copy of the current one; only one draft may be open. */
	@Transactional
	int createDraft(String note) {
		Integer open = jdbc.sql("select version from cat_indicator_version where status = 'DRAFT'")
			.query(Integer.class).optional().orElse(null);
		if (open != null) {
			throw HcpException.conflict("version", "DRAFT_EXISTS", "已有草稿版本 " + open + "，请先发布或编辑它",
					"draft version " + open + " is already open; publish or edit it");
		}
		int next = jdbc.sql("select coalesce(max(version), 0) + 1 from cat_indicator_version").query(Integer.class).single();
		jdbc.sql("insert into cat_indicator_version (version, status, note, created_at) values (:v, 'DRAFT', :note, :now)")
			.param("v", next).param("note", note).param("now", Timestamp.from(clock.instant())).update();
		jdbc.sql("insert into cat_indicator (version, code, level, family, text) "
				+ "select :v, code, level, family, text from cat_indicator where version = :current")
			.param("v", next).param("current", catalog.currentVersion()).update();
		return next;
	}

	@Transactional
	Indicator add(int version, JsonNode body) {
		status(version, true);
		Fields in = Fields.ofJson(body);
		Indicator indicator = IndicatorInput.read(version, null, in);
		in.check();
		if (find(version, indicator.code()) != null) {
			throw HcpException.conflict("code", "ALREADY_EXISTS", "指标 " + indicator.code() + " 在版本 " + version + " 中已存在",
					"indicator " + indicator.code() + " already exists in version " + version);
		}
		insert(List.of(indicator));
		return indicator;
	}

	@Transactional
	Indicator update(int version, String code, JsonNode body) {
		status(version, true);
		existing(version, code);
		Fields in = Fields.ofJson(body);
		Indicator indicator = IndicatorInput.read(version, code, in);
		in.check();
		jdbc.sql("update cat_indicator set level = :level, family = :family, text = :text where version = :v and code = :code")
			.param("level", indicator.level().stars()).param("family", indicator.family().name())
			.param("text", indicator.text()).param("v", version).param("code", code).update();
		return indicator;
	}

	@Transactional
	void delete(int version, String code) {
		status(version, true);
		existing(version, code);
		jdbc.sql("delete from cat_indicator where version = :v and code = :code").param("v", version).param("code", code).update();
	}

	/** Replaces all indicators of the draft with the file's (code, level, family, text); all lines or none. */
	@Transactional
	int importCsv(int version, byte[] csv) {
		status(version, true);
		List<Fields> lines = CsvLines.read(csv, IndicatorInput.FIELDS);
		List<Indicator> indicators = lines.stream().map(line -> IndicatorInput.read(version, null, line)).toList();
		CsvLines.rejectDuplicates(lines, indicators.stream().map(i -> i == null ? null : i.code()).toList(), "code");
		CsvLines.throwIfAny(CsvLines.problems(lines));
		jdbc.sql("delete from cat_indicator where version = :v").param("v", version).update();
		insert(indicators);
		return indicators.size();
	}

	/** Makes the draft current, if it offers options for every bad review ({@link BadReviewOptionsPolicy}). */
	@Transactional
	void publish(int version) {
		status(version, true);
		List<FieldProblem> gaps = BadReviewOptionsPolicy.gaps(catalog.indicators(version));
		if (!gaps.isEmpty()) {
			throw HcpException.invalid("INCOMPLETE_INDICATORS", gaps);
		}
		jdbc.sql("update cat_indicator_version set status = 'PUBLISHED', published_at = :now where version = :v")
			.param("now", Timestamp.from(clock.instant())).param("v", version).update();
		catalog.forgetAfterCommit();
	}

	/** Locks the version row so that an edit and a publication of the same draft do not interleave. */
	private void status(int version, boolean mustBeDraft) {
		String status = jdbc.sql("select status from cat_indicator_version where version = :v" + (mustBeDraft ? " for update" : ""))
			.param("v", version).query(String.class).optional()
			.orElseThrow(() -> HcpException.notFound("version", "NOT_FOUND", "指标版本 " + version + " 不存在",
					"indicator version " + version + " does not exist"));
		if (mustBeDraft && !status.equals("DRAFT")) {
			throw HcpException.conflict("version", "VERSION_PUBLISHED", "指标版本 " + version + " 已发布，不能修改；请新建草稿版本",
					"indicator version " + version + " is published and cannot change; open a new draft");
		}
	}

	private void existing(int version, String code) {
		if (find(version, code) == null) {
			throw HcpException.notFound("code", "NOT_FOUND", "指标 " + code + " 在版本 " + version + " 中不存在",
					"indicator " + code + " does not exist in version " + version);
		}
	}

	private String find(int version, String code) {
		return jdbc.sql("select code from cat_indicator where version = :v and code = :code")
			.param("v", version).param("code", code).query(String.class).optional().orElse(null);
	}

	private void insert(List<Indicator> indicators) {
		indicators.stream().filter(Objects::nonNull).forEach(i -> jdbc.sql(
				"insert into cat_indicator (version, code, level, family, text) values (:v, :code, :level, :family, :text)")
			.param("v", i.version()).param("code", i.code()).param("level", i.level().stars())
			.param("family", i.family().name()).param("text", i.text()).update());
	}

	private static String instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant().toString();
	}
}
