package org.hcp.doors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.hcp.support.People;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;

/** The office's screen of printed staff codes: list, issue, re-issue, refusals on the page, who may open it. */
class StaffCodeScreenIT extends ServiceFixtures {

	private String staffAt(String institution, String window) {
		String staffNo = unique("STF");
		assertThat(admin.post("/api/v1/catalog/staff", Map.of("staffNo", staffNo, "name", "钱七", "mobile", randomMobile(),
				"institutionCode", institution, "windowCode", window)).status()).isEqualTo(201);
		return staffNo;
	}

	private String activeCode(String staffNo) {
		return jdbc.sql("select code from door_staff_code where staff_no = :s and revoked_at is null").param("s", staffNo)
			.query(String.class).single();
	}

	@Test
	void an_office_issues_and_re_issues_a_code_on_the_screen_and_the_old_one_is_replaced() {
		String institution = newInstitution(county());
		String window = newWindow(institution);
		String staffNo = staffAt(institution, window);
		People.Session office = new People(port).office(county()).signIn();

		People.Page page = office.get("/app/codes?institutionCode=" + institution);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains(staffNo).contains("未生成").contains("/app/codes/institutions/" + institution + ".pdf");

		People.Page issued = office.post("/app/codes/issue", Map.of("institutionCode", institution, "staffNo", staffNo,
				"windowCode", window));
		assertThat(issued.status()).isEqualTo(302);
		String first = activeCode(staffNo);
		assertThat(office.get("/app/codes?institutionCode=" + institution).text()).contains("已为工号 " + staffNo + " 生成二维码")
			.contains("有效").contains("/app/codes/" + staffNo + ".png");

		People.Page row = office.htmx("POST", "/app/codes/issue", Map.of("institutionCode", institution, "staffNo", staffNo,
				"windowCode", window));
		assertThat(row.status()).isEqualTo(200);
		assertThat(row.text()).startsWith("<tr").contains("id=\"code-" + staffNo + "\"");
		String second = activeCode(staffNo);
		assertThat(second).isNotEqualTo(first);
		assertThat(row.text()).contains(second);
		assertThat(jdbc.sql("select revoked_at is not null from door_staff_code where code = :c").param("c", first)
			.query(Boolean.class).single()).isTrue();
	}

	@Test
	void a_refused_issue_is_shown_on_the_page_and_stores_nothing() {
		String institution = newInstitution(county());
		String window = newWindow(institution);
		String elsewhere = newWindow(institution);
		String staffNo = staffAt(institution, window);
		People.Session office = new People(port).office(county()).signIn();
		office.get("/app/codes?institutionCode=" + institution);

		People.Page refused = office.post("/app/codes/issue", Map.of("institutionCode", institution, "staffNo", staffNo,
				"windowCode", elsewhere));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text()).contains("code-problems").contains("不在窗口");
		People.Page viaHtmx = office.htmx("POST", "/app/codes/issue", Map.of("institutionCode", institution, "staffNo",
				staffNo, "windowCode", elsewhere));
		assertThat(viaHtmx.text()).contains("id=\"code-problems\"").contains("不在窗口");
		assertThat(jdbc.sql("select count(*) from door_staff_code where staff_no = :s").param("s", staffNo)
			.query(Long.class).single()).isZero();
		assertThat(office.get("/app/codes?institutionCode=" + unique("NOINS")).status()).isEqualTo(404);
	}

	@Test
	void the_screen_serves_the_images_and_the_sheet_to_the_signed_in_office() {
		String institution = newInstitution(county());
		String window = newWindow(institution);
		String staffNo = staffAt(institution, window);
		People.Session office = new People(port).office(county()).signIn();
		office.get("/app/codes?institutionCode=" + institution);
		office.post("/app/codes/issue", Map.of("institutionCode", institution, "staffNo", staffNo, "windowCode", window));
		assertThat(office.get("/app/codes/" + staffNo + ".png").contentType()).startsWith("image/png");
		assertThat(office.get("/app/codes/" + staffNo + ".svg").text()).contains("<svg");
		assertThat(office.get("/app/codes/institutions/" + institution + ".pdf").contentType())
			.startsWith("application/pdf");
	}

	@Test
	void only_offices_and_administrators_see_the_screen() {
		People people = new People(port);
		People.Session hotline = people.hotline(county()).signIn();
		assertThat(hotline.get("/app/codes").status()).isEqualTo(403);
		assertThat(hotline.get("/app").text()).doesNotContain("/app/codes");
		People.Session office = people.office(county()).signIn();
		assertThat(office.get("/app").text()).contains("href=\"/app/codes\"");
		assertThat(office.get("/app/codes?lang=en").text()).contains("Staff rating codes");
	}
}
