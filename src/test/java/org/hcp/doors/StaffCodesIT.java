package org.hcp.doors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.hcp.evaluation.CaseLinks;
import org.hcp.shared.CjkFont;
import org.hcp.support.People;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/** Printed staff codes 一码一账号 and the case receipt code, through the API as offices and platforms use it. */
class StaffCodesIT extends ServiceFixtures {

	private static final String OTHER_COUNTY = "980102000000";
	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@Autowired
	StaffCodes staffCodes;

	@Autowired
	CaseLinks caseLinks;

	/** A staff member at a window of a new institution in the test county. */
	record Staff(String institution, String window, String staffNo, String mobile) {
	}

	private Staff newStaff(String institution) {
		String window = newWindow(institution);
		String staffNo = unique("STF");
		String mobile = randomMobile();
		assertThat(admin.post("/api/v1/catalog/staff", Map.of("staffNo", staffNo, "name", "赵六", "mobile", mobile,
				"institutionCode", institution, "windowCode", window, "departmentCode", hall().department())).status())
			.isEqualTo(201);
		return new Staff(institution, window, staffNo, mobile);
	}

	private String hallNamed(String name) {
		String code = unique("INS");
		assertThat(admin.post("/api/v1/catalog/institutions",
				Map.of("code", code, "name", name, "kind", "HALL", "regionCode", county())).status()).isEqualTo(201);
		return code;
	}

	private People.Person office() {
		return new People(port).office(county());
	}

	private People.Person officeOfAnotherCounty() {
		assertThat(admin.post("/api/v1/catalog/regions", Map.of("code", OTHER_COUNTY, "name", "邻县")).status())
			.isIn(201, 409);
		return new People(port).office(OTHER_COUNTY);
	}

	private long codesOf(String staffNo) {
		return jdbc.sql("select count(*) from door_staff_code where staff_no = :s").param("s", staffNo)
			.query(Long.class).single();
	}

	@Test
	void an_issued_code_reads_back_from_png_and_svg_as_the_url_of_its_rating_page() {
		Staff s = newStaff(hallNamed("城北政务服务中心"));
		People.Person office = office();
		var reply = office.api().post("/api/v1/staff-codes", Map.of("staffNo", s.staffNo(), "windowCode", s.window()));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		String code = reply.json().path("code").asString();
		String url = reply.json().path("url").asString();
		assertThat(code).matches("[A-Za-z0-9_-]{16}");
		assertThat(url).endsWith("/q/" + code).startsWith("http");

		Binary png = get(office, "/api/v1/staff-codes/" + s.staffNo() + ".png");
		assertThat(png.status()).isEqualTo(200);
		assertThat(png.contentType()).startsWith("image/png");
		assertThat(QrDecoding.png(png.body())).isEqualTo(url);
		Binary svg = get(office, "/api/v1/staff-codes/" + s.staffNo() + ".svg");
		assertThat(svg.contentType()).startsWith("image/svg+xml");
		assertThat(QrDecoding.svg(new String(svg.body(), StandardCharsets.UTF_8))).isEqualTo(url);

		var resolved = staffCodes.resolve(code).orElseThrow();
		assertThat(resolved.active()).isTrue();
		assertThat(resolved.staffNo()).isEqualTo(s.staffNo());
		assertThat(resolved.windowCode()).isEqualTo(s.window());
		assertThat(resolved.windowName()).isEqualTo("综合窗口");
		assertThat(resolved.institutionName()).isEqualTo("城北政务服务中心");
	}

	@Test
	void re_issuing_a_code_replaces_the_old_one_which_no_longer_opens_a_rating_page() {
		Staff s = newStaff(hallNamed("城南政务服务中心"));
		var first = admin.post("/api/v1/staff-codes", Map.of("staffNo", s.staffNo(), "windowCode", s.window()));
		var second = admin.post("/api/v1/staff-codes", Map.of("staffNo", s.staffNo(), "windowCode", s.window()));
		assertThat(second.status()).isEqualTo(201);
		String old = first.json().path("code").asString();
		String current = second.json().path("code").asString();
		assertThat(current).isNotEqualTo(old);
		assertThat(second.json().path("replacedCode").asString()).isEqualTo(old);

		var replaced = staffCodes.resolve(old).orElseThrow();
		assertThat(replaced.active()).isFalse();
		assertThat(replaced.replaced()).isTrue();
		assertThat(staffCodes.resolve(current).orElseThrow().active()).isTrue();
		assertThat(jdbc.sql("select count(*) from door_staff_code where staff_no = :s and revoked_at is null")
			.param("s", s.staffNo()).query(Long.class).single()).isEqualTo(1);
		assertThat(QrDecoding.png(get(null, "/api/v1/staff-codes/" + s.staffNo() + ".png").body()))
			.endsWith("/q/" + current);
		assertThat(staffCodes.resolve("never-issued-code")).isEmpty();
		assertThat(staffCodes.resolve("../../etc/passwd")).isEmpty();
	}

	@Test
	void one_code_one_account_refuses_a_staff_member_at_another_window() {
		String institution = hallNamed("城西政务服务中心");
		Staff s = newStaff(institution);
		String otherWindow = newWindow(institution);
		var reply = office().api().post("/api/v1/staff-codes", Map.of("staffNo", s.staffNo(), "windowCode", otherWindow));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
		assertThat(reply.text()).contains("STAFF_NOT_AT_WINDOW").contains("staffNo");
		assertThat(codesOf(s.staffNo())).isZero();

		var unknown = admin.post("/api/v1/staff-codes", Map.of("staffNo", unique("NOBODY"), "windowCode", s.window()));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.errorFields()).contains("staffNo");
		var missing = admin.post("/api/v1/staff-codes", Map.of("staffNo", s.staffNo()));
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.errorFields()).contains("windowCode");
		assertThat(get(null, "/api/v1/staff-codes/" + s.staffNo() + ".png").status()).isEqualTo(404);
	}

	@Test
	void the_sheet_has_one_card_per_staff_member_with_hall_window_and_number_and_never_the_mobile() throws IOException {
		String name = "城东政务服务中心";
		String institution = hallNamed(name);
		List<Staff> staff = new ArrayList<>();
		People.Person office = office();
		for (int i = 0; i < 3; i++) {
			Staff s = newStaff(institution);
			staff.add(s);
			assertThat(office.api().post("/api/v1/staff-codes", Map.of("staffNo", s.staffNo(), "windowCode", s.window()))
				.status()).isEqualTo(201);
		}
		Binary pdf = get(office, "/api/v1/institutions/" + institution + "/staff-codes.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");

		PdfReader reader = new PdfReader(pdf.body());
		StringBuilder text = new StringBuilder();
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		String all = text.toString();
		assertThat(all).contains(name).contains("综合窗口");
		for (Staff s : staff) {
			assertThat(all).contains(s.staffNo()).contains(s.window()).doesNotContain(s.mobile());
			assertThat(new String(pdf.body(), StandardCharsets.ISO_8859_1)).doesNotContain(s.mobile());
		}
		assertThat(all.split("工号", -1)).as("one card per staff member").hasSize(staff.size() + 1);
		assertThat(all).doesNotContain("赵六");
		assertThat(embeddedFonts(reader)).as("the CJK font is embedded").anyMatch(f -> f.contains(CjkFont.POSTSCRIPT_NAME));
	}

	@Test
	void an_office_of_another_region_gets_403_and_nothing_is_stored() {
		String institution = hallNamed("城中政务服务中心");
		Staff s = newStaff(institution);
		People.Person stranger = officeOfAnotherCounty();
		var reply = stranger.api().post("/api/v1/staff-codes", Map.of("staffNo", s.staffNo(), "windowCode", s.window()));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
		assertThat(reply.text()).contains("OUT_OF_SCOPE");
		assertThat(codesOf(s.staffNo())).isZero();
		assertThat(admin.post("/api/v1/staff-codes", Map.of("staffNo", s.staffNo(), "windowCode", s.window())).status())
			.isEqualTo(201);
		assertThat(get(stranger, "/api/v1/staff-codes/" + s.staffNo() + ".png").status()).isEqualTo(403);
		assertThat(get(stranger, "/api/v1/staff-codes/" + s.staffNo() + ".svg").status()).isEqualTo(403);
		assertThat(get(stranger, "/api/v1/institutions/" + institution + "/staff-codes.pdf").status()).isEqualTo(403);
		assertThat(get(office(), "/api/v1/institutions/" + institution + "/staff-codes.pdf").status()).isEqualTo(200);
	}

	@Test
	void people_without_an_office_role_cannot_issue_codes() {
		Staff s = newStaff(hallNamed("城郊政务服务中心"));
		var hotline = new People(port).hotline(county());
		assertThat(hotline.api().post("/api/v1/staff-codes", Map.of("staffNo", s.staffNo(), "windowCode", s.window()))
			.status()).isEqualTo(403);
		assertThat(codesOf(s.staffNo())).isZero();
	}

	@Test
	void the_receipt_code_of_a_case_opens_its_short_link() {
		var c = aCase().completedAfter(5);
		c.create();
		Binary png = get(null, "/api/v1/cases/" + c.caseNo() + "/rating-code.png");
		assertThat(png.status()).isEqualTo(200);
		String url = QrDecoding.png(png.body());
		assertThat(url).matches("http://.*/c/[A-Za-z0-9_-]{22}");
		String code = url.substring(url.lastIndexOf('/') + 1);
		assertThat(caseLinks.caseNoOf(code)).contains(c.caseNo());
		assertThat(QrDecoding.svg(new String(get(null, "/api/v1/cases/" + c.caseNo() + "/rating-code.svg").body(),
				StandardCharsets.UTF_8))).isEqualTo(url);
		assertThat(get(null, "/api/v1/cases/" + unique("NOCASE") + "/rating-code.png").status()).isEqualTo(404);
	}

	@Test
	void the_rating_invitation_sms_carries_the_short_link_of_its_case() {
		var c = aCase().applicantMobile(randomMobile()).completedAfter(5);
		c.create();
		long caseId = jdbc.sql("select id from cas_case where case_no = :c").param("c", c.caseNo()).query(Long.class)
			.single();
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"select count(*) from ntf_outbound_sms where reference = :c and purpose = 'INVITATION'")
			.param("c", c.caseNo()).query(Long.class).single() > 0);
		String text = jdbc.sql("select text from ntf_outbound_sms where reference = :c and purpose = 'INVITATION'")
			.param("c", c.caseNo()).query(String.class).list().get(0);
		assertThat(text).contains("/c/" + caseLinks.codeOf(caseId)).contains("请回复数字评价");
	}

	// ---------------------------------------------------------------------------------------------------------

	record Binary(int status, byte[] body, String contentType) {
	}

	/** GET with the person's Basic login, or the admin key when {@code person} is null; the body as bytes. */
	private Binary get(People.Person person, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
		if (person == null) {
			request.header("X-Api-Key", ADMIN_KEY);
		}
		else {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((person.login() + ":" + person.password()).getBytes(StandardCharsets.UTF_8)));
		}
		try {
			HttpResponse<byte[]> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Binary(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** The base-font names of the page fonts whose descendant carries an embedded TrueType program (FontFile2). */
	private static List<String> embeddedFonts(PdfReader reader) {
		List<String> names = new ArrayList<>();
		PdfDictionary fonts = reader.getPageN(1).getAsDict(PdfName.RESOURCES).getAsDict(PdfName.FONT);
		for (PdfName key : fonts.getKeys()) {
			PdfDictionary font = fonts.getAsDict(key);
			PdfArray descendants = font.getAsArray(PdfName.DESCENDANTFONTS);
			if (descendants == null) {
				continue;
			}
			PdfDictionary cid = descendants.getAsDict(0);
			PdfDictionary descriptor = cid.getAsDict(PdfName.FONTDESCRIPTOR);
			if (descriptor != null && descriptor.get(PdfName.FONTFILE2) != null) {
				names.add(font.getAsName(PdfName.BASEFONT).toString());
			}
		}
		return names;
	}
}
