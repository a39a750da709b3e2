package org.hcp.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.hcp.rectification.WorkOrderState;
import org.hcp.rectification.WorkOrderView;
import org.hcp.support.Http;
import org.hcp.support.People;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Appeals over REST, as people call it with HTTP Basic: multipart filing, reading, evidence, decision, credit file. */
class AppealApiIT extends AppealFixtures {

	private People people() {
		return new People(port);
	}

	private Browser api(People.Person person) {
		return new Browser(port, person);
	}

	@Test
	void a_department_appeals_with_evidence_over_the_api_and_the_office_decides_it_malicious() {
		Rated rated = dispatchedBadReview();
		WorkOrderView order = rated.order();
		People people = people();
		Browser department = api(people.department(hall().region(), hall().department()));
		Browser.Answer filed = department.apiMultipart("/api/v1/appeals", new Multipart()
			.field("orderId", String.valueOf(order.id()))
			.field("reason", "评价人以差评相要挟")
			.field("evidenceText", "录音一份")
			.file("attachments", "通话记录.pdf", "application/octet-stream", PDF)
			.file("attachments", "截图.png", "image/png", PNG));
		assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
		JsonNode appeal = Http.parse(filed.text());
		long id = appeal.path("id").asLong();
		assertThat(appeal.path("state").asString()).isEqualTo("PENDING");
		assertThat(appeal.path("filedByRole").asString()).isEqualTo("DEPARTMENT");
		assertThat(appeal.path("evidence")).hasSize(2);
		assertThat(appeal.path("evidence").get(0).path("contentType").asString()).isEqualTo("application/pdf");

		Browser office = api(people.office(hall().region()));
		long evidenceId = appeal.path("evidence").get(1).path("id").asLong();
		Browser.Answer file = office.api("GET", "/api/v1/appeals/" + id + "/evidence/" + evidenceId, null, null);
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.contentType()).isEqualTo("image/png");
		assertThat(file.bytes()).isEqualTo(PNG);

		Browser.Answer decided = office.apiJson("POST", "/api/v1/appeals/" + id + "/decision",
				"{\"outcome\":\"MALICIOUS\",\"reason\":\"录音证实评价人以差评要挟\"}");
		assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
		assertThat(Http.parse(decided.text()).path("decision").path("outcome").asString()).isEqualTo("MALICIOUS");
		assertThat(order(order.id()).state()).isEqualTo(WorkOrderState.CLOSED_BY_APPEAL);

		Browser.Answer credit = office.api("GET", "/api/v1/appeals/credit-records?regionCode=" + hall().region() + "&size=100", null, null);
		assertThat(credit.status()).isEqualTo(200);
		assertThat(credit.text()).contains("\"appealId\":" + id).contains("钱*")
			.doesNotContain(rated.raterMobile()).doesNotContain(rated.raterId()).doesNotContain("钱七");
	}

	@Test
	void evidence_of_a_wrong_type_over_the_api_is_a_422_naming_the_file_and_nothing_is_stored() {
		WorkOrderView order = dispatchedBadReview().order();
		Browser staff = api(people().staff(hall().region(), hall().staffNo()));
		Browser.Answer refused = staff.apiMultipart("/api/v1/appeals", new Multipart()
			.field("orderId", String.valueOf(order.id()))
			.field("reason", "误评")
			.file("attachments", "照片.jpg", "image/jpeg", "GIF89a not a jpeg".getBytes(StandardCharsets.UTF_8)));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(Http.parse(refused.text()).path("code").asString()).isEqualTo("ATTACHMENT_TYPE");
		assertThat(refused.text()).contains("attachments[0]");
		assertThat(count("select count(*) from apl_appeal where order_id = :id", order.id())).isZero();
		assertThat(order(order.id()).paused()).isFalse();
	}

	@Test
	void a_file_over_the_size_limit_is_refused_with_413_and_nothing_is_stored() {
		WorkOrderView order = dispatchedBadReview().order();
		byte[] big = Arrays.copyOf(PDF, 1024 * 1024 + 1);
		Browser staff = api(people().staff(hall().region(), hall().staffNo()));
		Browser.Answer refused = staff.apiMultipart("/api/v1/appeals", new Multipart()
			.field("orderId", String.valueOf(order.id()))
			.field("reason", "误评")
			.file("attachments", "scan.pdf", "application/pdf", big));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(count("select count(*) from apl_appeal where order_id = :id", order.id())).isZero();
		assertThat(order(order.id()).paused()).isFalse();
	}

	@Test
	void an_appeal_on_the_api_needs_a_person_of_the_order_and_a_platform_key_gets_403() {
		WorkOrderView order = dispatchedBadReview().order();
		Browser otherStaff = api(people().staff(hall().region(), otherStaffNo()));
		Browser.Answer refused = otherStaff.apiMultipart("/api/v1/appeals",
				new Multipart().field("orderId", String.valueOf(order.id())).field("reason", "误评"));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		String platformKey = admin.post("/api/v1/admin/api-keys", java.util.Map.of("name", unique("平台"), "role", "PLATFORM"))
			.json().path("key").asString();
		assertThat(admin.as(platformKey).get("/api/v1/appeals").status()).isEqualTo(403);
		assertThat(count("select count(*) from apl_appeal where order_id = :id", order.id())).isZero();
	}

	@Test
	void an_office_lists_only_its_region_and_is_refused_another_regions_filter() {
		WorkOrderView order = dispatchedBadReview().order();
		long id = file(staff(), order);
		Browser office = api(people().office(hall().region()));
		Browser.Answer listed = office.api("GET", "/api/v1/appeals?state=PENDING&size=100", null, null);
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.text()).contains("\"id\":" + id);
		Browser.Answer elsewhere = office.api("GET", "/api/v1/appeals?regionCode=980102", null, null);
		assertThat(elsewhere.status()).isEqualTo(403);
		Browser other = api(people().office(otherCounty()));
		assertThat(other.api("GET", "/api/v1/appeals/" + id, null, null).status()).isEqualTo(403);
		assertThat(other.api("GET", "/api/v1/appeals?size=100", null, null).text()).doesNotContain("\"id\":" + id + ",");
		assertThat(office.api("GET", "/api/v1/appeals?size=1000", null, null).status()).isEqualTo(422);
	}
}
