package org.hcp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.hcp.shared.Level;
import org.hcp.support.ApiTest;
import org.hcp.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The indicator catalog is shared by the whole suite: tests only ever add indicators to the open draft (or put the
 * current table back after changing it), so that a publication never takes away a code another test relies on.
 */
class IndicatorApiIT extends ApiTest {

	private static final String VERSIONS = "/api/v1/catalog/indicator-versions";

	@Autowired
	Catalog catalog;

	@Test
	void the_current_table_offers_bad_review_indicators_for_both_channel_families() {
		Http.Reply reply = admin.get("/api/v1/catalog/indicators");
		assertThat(reply.status()).isEqualTo(200);
		IndicatorSet current = catalog.currentIndicators();
		assertThat(reply.json().path("version").asInt()).isEqualTo(current.version());
		for (Level level : new Level[] { Level.VERY_DISSATISFIED, Level.DISSATISFIED }) {
			for (ChannelFamily family : ChannelFamily.values()) {
				assertThat(current.byCode().values()).anyMatch(i -> i.level() == level && i.family() == family);
			}
		}
	}

	@Test
	void an_indicator_of_a_published_version_cannot_be_edited() {
		Map<String, Object> indicator = Map.of("code", "501", "level", 5, "family", "ONLINE", "text", "改");
		assertThat(admin.put(VERSIONS + "/1/indicators/501", indicator).status()).isEqualTo(409);
		assertThat(admin.post(VERSIONS + "/1/indicators", Map.of("code", "509", "level", 5, "family", "ONLINE", "text", "新"))
			.status()).isEqualTo(409);
		assertThat(admin.delete(VERSIONS + "/1/indicators/501").status()).isEqualTo(409);
		assertThat(admin.send("POST", VERSIONS + "/1/indicators/import", "code,level,family,text\n501,5,ONLINE,x\n", "text/csv")
			.status()).isEqualTo(409);
		assertThat(admin.post(VERSIONS + "/1/publish", null).status()).isEqualTo(409);
	}

	@Test
	void only_one_draft_may_be_open() {
		openDraft();
		assertThat(admin.post(VERSIONS, null).status()).isEqualTo(409);
	}

	@Test
	void a_new_draft_starts_as_a_copy_of_the_current_table() {
		int draft = openDraft();
		assertThat(codes(draft)).containsAll(catalog.currentIndicators().byCode().keySet());
	}

	@Test
	void publishing_a_draft_makes_it_current() {
		int draft = openDraft();
		String code = uniqueCode();
		Http.Reply added = admin.post(VERSIONS + "/" + draft + "/indicators",
				Map.of("code", code, "level", 2, "family", "OFFLINE", "text", "窗口排队时间长"));
		assertThat(added.status()).as(added.toString()).isEqualTo(201);

		assertThat(admin.post(VERSIONS + "/" + draft + "/publish", null).status()).isEqualTo(200);

		assertThat(admin.get("/api/v1/catalog/indicators").json().path("version").asInt()).isEqualTo(draft);
		IndicatorSet current = catalog.currentIndicators();
		assertThat(current.version()).isEqualTo(draft);
		assertThat(current.allows(code, Level.DISSATISFIED, ChannelFamily.OFFLINE)).isTrue();
	}

	@Test
	void an_indicator_csv_import_replaces_the_drafts_indicators() {
		int draft = openDraft();
		String code = uniqueCode();
		Http.Reply reply = admin.send("POST", VERSIONS + "/" + draft + "/indicators/import",
				currentTableCsv() + code + ",1,ONLINE,系统经常无法登录\n", "text/csv");

		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(codes(draft)).hasSize(catalog.currentIndicators().byCode().size() + 1).contains(code);
	}

	@Test
	void an_indicator_csv_with_a_bad_line_reports_it_and_changes_nothing() {
		int draft = openDraft();
		var before = codes(draft);
		Http.Reply reply = admin.send("POST", VERSIONS + "/" + draft + "/indicators/import",
				"code,level,family,text\n" + uniqueCode() + ",2,ONLINE,好\n" + uniqueCode() + ",6,HALL,\n", "text/csv");

		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.errorFields()).containsExactlyInAnyOrder("line 3: level", "line 3: family", "line 3: text");
		assertThat(codes(draft)).isEqualTo(before);
	}

	@Test
	void a_draft_without_bad_review_options_cannot_be_published() {
		int draft = openDraft();
		String onlyGood = "code,level,family,text\n" + uniqueCode() + ",5,ONLINE,很好\n";
		assertThat(admin.send("POST", VERSIONS + "/" + draft + "/indicators/import", onlyGood, "text/csv").status()).isEqualTo(200);

		Http.Reply reply = admin.post(VERSIONS + "/" + draft + "/publish", null);

		assertThat(reply.status()).isEqualTo(422);
		restoreCurrentTable(draft);
	}

	/** The open draft, or a new one. */
	private int openDraft() {
		Http.Reply created = admin.post(VERSIONS, Map.of("note", "test"));
		if (created.status() == 201) {
			return created.json().path("version").asInt();
		}
		assertThat(created.status()).isEqualTo(409);
		JsonNode versions = admin.get(VERSIONS).json().path("versions");
		return StreamSupport.stream(versions.spliterator(), false)
			.filter(v -> v.path("status").asString().equals("DRAFT"))
			.findFirst().orElseThrow().path("version").asInt();
	}

	private java.util.Set<String> codes(int version) {
		JsonNode indicators = admin.get("/api/v1/catalog/indicators?version=" + version).json().path("indicators");
		return StreamSupport.stream(indicators.spliterator(), false).map(i -> i.path("code").asString())
			.collect(Collectors.toSet());
	}

	private void restoreCurrentTable(int draft) {
		assertThat(admin.send("POST", VERSIONS + "/" + draft + "/indicators/import", currentTableCsv(), "text/csv").status())
			.isEqualTo(200);
	}

	private String currentTableCsv() {
		return catalog.currentIndicators().byCode().values().stream()
			.map(i -> i.code() + "," + i.level().stars() + "," + i.family() + ",\"" + i.text() + "\"\n")
			.collect(Collectors.joining("", "code,level,family,text\n", ""));
	}

	/** Up to 10 letters and digits, new on every call. */
	private static String uniqueCode() {
		String code = unique("T");
		return "T" + code.substring(Math.max(1, code.length() - 9));
	}
}
