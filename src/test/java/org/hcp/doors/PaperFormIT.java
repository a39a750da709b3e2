package org.hcp.doors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.Map;

import org.hcp.support.People;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;

/**
 * Paper forms in bulk (/app/paper): each row stored on its own or refused on its row, a form number entered once,
 * the scan typed by its content and served only inside the region, the screen only for those who enter forms.
 */
class PaperFormIT extends ServiceFixtures {

	/** The first bytes of a PNG: enough for the content check. */
	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

	@Test
	void a_form_number_is_entered_once_and_the_second_time_is_refused_on_its_row() {
		var first = aCase().completedAfter(5);
		first.create();
		var second = aCase().completedAfter(5);
		second.create();
		People.Person person = new People(port).staff(hall().region(), hall().staffNo());
		People.Session staff = person.signIn();
		staff.get("/app/paper");
		String formNo = unique("PF-");

		People.Page stored = staff.post("/app/paper", rows(row(0, formNo, first.caseNo(), "5", "", "")));
		assertThat(stored.status()).as(stored.toString()).isEqualTo(302);
		People.Page again = staff.post("/app/paper", rows(row(0, formNo, second.caseNo(), "4", "", "")));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.text()).contains("DUPLICATE_FORM_NO").contains("id=\"err-formNo-0\"").contains("已录入")
			.contains("value=\"" + second.caseNo() + "\"");
		assertThat(storedRatings(second.caseNo())).as("nothing stored for the duplicate").isZero();

		Map<String, Object> row = jdbc.sql("select channel, submitted_by_user, reference, source from evl_evaluation where case_no = :c")
			.param("c", first.caseNo()).query().singleRow();
		assertThat(row.get("channel")).isEqualTo("PAPER_FORM");
		assertThat(((Number) row.get("submitted_by_user")).longValue()).isEqualTo(person.id());
		assertThat(row.get("reference")).isEqualTo(formNo);
		assertThat(row.get("source")).isEqualTo("ENTRY");
		assertThat(staff.get("/app/paper").text()).contains("id=\"recent-" + formNo + "\"");
	}

	@Test
	void each_row_is_stored_or_refused_on_its_own() {
		var good = aCase().completedAfter(5);
		good.create();
		var bad = aCase().completedAfter(5);
		bad.create();
		var unreasoned = aCase().completedAfter(5);
		unreasoned.create();
		String taken = unique("PF-");
		People.Session office = new People(port).office(hall().region()).signIn();
		office.get("/app/paper");
		assertThat(office.post("/app/paper", rows(row(0, taken, aCaseCompleted(), "5", "", ""))).status()).isEqualTo(302);

		String goodForm = unique("PF-");
		String badForm = unique("PF-");
		Map<String, String> form = rows(row(0, goodForm, good.caseNo(), "4", "", "服务周到"),
				row(1, taken, bad.caseNo(), "3", "", ""),
				row(2, unique("PF-"), unreasoned.caseNo(), "1", "", ""),
				row(3, unique("PF-"), "NO-SUCH-CASE", "5", "", ""),
				row(4, "", "", "", "", ""),
				row(5, badForm, bad.caseNo(), "2", "", "窗口无人"));
		People.Page page = office.post("/app/paper", form);

		assertThat(page.status()).as("a mixed outcome").isEqualTo(422);
		assertThat(page.text()).contains("id=\"stored-" + goodForm + "\"").contains("id=\"stored-" + badForm + "\"")
			.contains("DUPLICATE_FORM_NO").contains("UNKNOWN_CASE").contains("id=\"outcome-2\"")
			.doesNotContain("id=\"outcome-3\"").doesNotContain("value=\"" + goodForm + "\"");
		assertThat(storedRatings(good.caseNo())).isEqualTo(1);
		assertThat(storedRatings(bad.caseNo())).as("the duplicate row stored nothing; the other row of the case did").isEqualTo(1);
		assertThat(storedRatings(unreasoned.caseNo())).isZero();
		assertThat(jdbc.sql("select level from evl_evaluation where case_no = :c").param("c", bad.caseNo())
			.query(Integer.class).single()).isEqualTo(2);

		People.Page added = office.post("/app/paper", Map.of("rows", "5", "addRow", "1", "formNo-0", "kept"));
		assertThat(added.status()).isEqualTo(200);
		assertThat(added.text()).contains("id=\"row-5\"").doesNotContain("id=\"row-6\"").contains("value=\"kept\"");
	}

	@Test
	void the_scan_is_typed_by_its_content_and_served_only_inside_the_region() throws Exception {
		var c = aCase().completedAfter(5);
		c.create();
		People people = new People(port);
		People.Session staff = people.department(hall().region(), hall().department()).signIn();
		staff.get("/app/paper");
		String formNo = unique("PF-");

		People.Page fake = staff.upload("/app/paper", row(0, formNo, c.caseNo(), "5", "", ""), "scan-0", "form.png",
				"image/png", "not a picture".getBytes());
		assertThat(fake.status()).isEqualTo(422);
		assertThat(fake.text()).contains("SCAN_TYPE").contains("id=\"err-scan-0\"");
		assertThat(storedRatings(c.caseNo())).isZero();

		People.Page stored = staff.upload("/app/paper", row(0, formNo, c.caseNo(), "5", "", ""), "scan-0", "form.png",
				"image/png", PNG);
		assertThat(stored.status()).as(stored.toString()).isEqualTo(302);
		String scanPath = "/app/paper/forms/" + formNo + "/scan";
		assertThat(staff.get("/app/paper").text()).contains(scanPath);
		HttpClient plain = HttpClient.newHttpClient();
		assertThat(plain.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + scanPath)).build(),
				java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()).as("not without signing in").isIn(302, 401);
		People.Page scan = staff.get(scanPath);
		assertThat(scan.status()).isEqualTo(200);
		assertThat(scan.contentType()).startsWith("image/png");

		assertThat(people.office(newTownship()).signIn().get(scanPath).status()).as("another region").isEqualTo(403);
		assertThat(people.hotline(hall().region()).signIn().get(scanPath).status()).as("not an enterer").isEqualTo(403);
		assertThat(staff.get("/app/paper/forms/" + unique("PF-") + "/scan").status()).isEqualTo(404);
	}

	@Test
	void the_12345_operator_and_another_region_cannot_enter_paper_forms() {
		var c = aCase().completedAfter(5);
		c.create();
		People people = new People(port);
		People.Session operator = people.hotline(hall().region()).signIn();
		assertThat(operator.get("/app/paper").status()).isEqualTo(403);
		assertThat(operator.post("/app/paper", rows(row(0, unique("PF-"), c.caseNo(), "5", "", ""))).status()).isEqualTo(403);
		People.Session elsewhere = people.office(newTownship()).signIn();
		elsewhere.get("/app/paper");
		People.Page refused = elsewhere.post("/app/paper", rows(row(0, unique("PF-"), c.caseNo(), "5", "", "")));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.text()).contains("OUT_OF_SCOPE").doesNotContain(hall().department());
		assertThat(storedRatings(c.caseNo())).isZero();
	}

	@Test
	void the_api_answers_each_form_on_its_own_for_a_signed_in_person() {
		var good = aCase().completedAfter(5);
		good.create();
		var other = aCase().completedAfter(5);
		other.create();
		People.Person person = new People(port).department(hall().region(), hall().department());
		String formNo = unique("PF-");
		var reply = person.api().post("/api/v1/paper-forms", java.util.List.of(
				Map.of("formNo", formNo, "caseNo", good.caseNo(), "level", 5,
						"scan", java.util.Base64.getEncoder().encodeToString(PNG)),
				Map.of("formNo", formNo, "caseNo", other.caseNo(), "level", 4),
				Map.of("formNo", unique("PF-"), "caseNo", other.caseNo(), "level", 1)));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		var results = reply.json().path("results");
		assertThat(results.get(0).path("status").asString()).isEqualTo("stored");
		assertThat(results.get(1).path("code").asString()).isEqualTo("DUPLICATE_FORM_NO");
		assertThat(results.get(1).path("httpStatus").asInt()).isEqualTo(409);
		assertThat(results.get(1).path("field").asString()).isEqualTo("formNo");
		assertThat(results.get(2).path("status").asString()).isEqualTo("refused");
		assertThat(storedRatings(good.caseNo())).isEqualTo(1);
		assertThat(storedRatings(other.caseNo())).isZero();
		assertThat(jdbc.sql("select scan_type from evl_paper_form where form_no = :f").param("f", formNo)
			.query(String.class).single()).isEqualTo("image/png");
		assertThat(new People(port).hotline(hall().region()).api().post("/api/v1/paper-forms",
				java.util.List.of(Map.of("formNo", unique("PF-"), "caseNo", other.caseNo(), "level", 5))).status())
			.as("not an enterer").isEqualTo(403);
		assertThat(storedRatings(other.caseNo())).isZero();
	}

	private String aCaseCompleted() {
		var c = aCase().completedAfter(5);
		c.create();
		return c.caseNo();
	}

	@SafeVarargs
	static Map<String, String> rows(Map<String, String>... rows) {
		Map<String, String> form = new HashMap<>();
		for (Map<String, String> row : rows) {
			form.putAll(row);
		}
		form.put("rows", String.valueOf(rows.length));
		return form;
	}

	static Map<String, String> row(int i, String formNo, String caseNo, String level, String indicators, String comment) {
		Map<String, String> row = new HashMap<>();
		row.put("formNo-" + i, formNo);
		row.put("caseNo-" + i, caseNo);
		row.put("level-" + i, level);
		row.put("indicators-" + i, indicators);
		row.put("comment-" + i, comment);
		row.put("serviceNo-" + i, "");
		return row;
	}
}
