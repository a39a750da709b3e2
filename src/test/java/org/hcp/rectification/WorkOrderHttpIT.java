package org.hcp.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.hcp.support.Http;
import org.hcp.support.People;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The REST side of work orders, called by people with HTTP Basic (the same accounts as the screens). */
class WorkOrderHttpIT extends WorkOrderFixtures {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	record Team(People.Person hotline, People.Person department, People.Person office, People.Person assessor) {
	}

	private Team team() {
		People people = new People(port);
		return new Team(people.hotline(hall().region()), people.department(hall().region(), hall().department()),
				people.office(hall().region()), people.assessor(hall().region()));
	}

	private static int versionOf(Http.Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json().path("version").asInt();
	}

	@Test
	void a_one_star_rating_goes_to_close_through_the_api_by_the_people_who_do_each_step() {
		Team team = team();
		long id = badReview();
		String order = "/api/v1/work-orders/" + id;
		int v = versionOf(team.hotline().api().get(order));
		v = versionOf(team.hotline().api().post(order + "/dispatch", Map.of("version", v)));
		v = versionOf(team.department().api().post(order + "/verify",
				Map.of("version", v, "contacted", "评价人赵六", "contactMethod", "电话", "findings", "等候时间过长属实")));
		Http.Reply uploaded = upload(team.department(), order + "/evidence", "整改说明.pdf", PDF);
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		long evidenceId = uploaded.json().path("id").asLong();
		assertThat(uploaded.json().path("contentType").asString()).isEqualTo("application/pdf");
		v = versionOf(team.department().api().post(order + "/rectify-at-once",
				Map.of("version", v, "evidence", "增设取号窗口", "files", List.of(evidenceId))));
		v = versionOf(team.department().api().post(order + "/reply", Map.of("version", v, "text", "已增设窗口，感谢监督")));
		assertThat(team.assessor().api().post(order + "/call-attempts", Map.of("note", "占线")).status()).isEqualTo(200);
		Http.Reply revealed = team.hotline().api().post(order + "/rater-mobile", null);
		assertThat(revealed.json().path("mobile").asString()).matches("1\\d{10}");
		v = versionOf(team.hotline().api().get(order));
		v = versionOf(team.hotline().api().post(order + "/revisit", Map.of("version", v, "outcome", "SATISFIED", "note", "满意")));
		Http.Reply closed = team.office().api().post(order + "/close", Map.of("version", v, "note", "整改到位，销号"));
		assertThat(closed.json().path("order").path("state").asString()).isEqualTo("CLOSED");

		JsonNode timeline = team.office().api().get(order + "/timeline").json();
		assertThat(timeline).extracting(t -> t.path("action").asString()).containsExactly("open", "dispatch", "verify",
				"attach-evidence", "rectify-at-once", "reply", "call-attempt", "reveal-mobile", "revisit", "close");
		assertThat(timeline.get(1).path("actor").asString()).isEqualTo(team.hotline().login());
		assertThat(timeline.get(2).path("userId").asLong()).isEqualTo(team.department().id());

		Http.Reply file = team.office().api().get(order + "/evidence/" + evidenceId);
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.contentType()).startsWith("application/pdf");
		assertThat(file.text()).startsWith("%PDF-");
	}

	@Test
	void a_stale_version_gets_409_and_a_missing_one_422() {
		Team team = team();
		long id = badReview();
		String order = "/api/v1/work-orders/" + id;
		int v = versionOf(team.hotline().api().get(order));
		versionOf(team.hotline().api().post(order + "/dispatch", Map.of("version", v)));
		Http.Reply stale = team.department().api().post(order + "/verify",
				Map.of("version", v, "contacted", "评价人", "contactMethod", "电话", "findings", "属实"));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.contentType()).startsWith("application/problem+json");
		assertThat(stale.json().path("code").asString()).isEqualTo("STALE_VERSION");
		Http.Reply missing = team.department().api().post(order + "/verify", Map.of("contacted", "评价人"));
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.errorFields()).contains("version");
	}

	@Test
	void the_wrong_role_gets_403_and_another_departments_handler_cannot_see_the_order() {
		Team team = team();
		long id = badReview();
		String order = "/api/v1/work-orders/" + id;
		int v = versionOf(team.office().api().get(order));
		Http.Reply byDepartment = team.department().api().post(order + "/dispatch", Map.of("version", v));
		assertThat(byDepartment.status()).isEqualTo(403);
		assertThat(byDepartment.json().path("code").asString()).isEqualTo("ROLE_REQUIRED");
		People.Person stranger = new People(port).department(hall().region(), newDepartment(hall().region()));
		Http.Reply seen = stranger.api().get(order);
		assertThat(seen.status()).isEqualTo(403);
		assertThat(seen.text()).doesNotContain(hall().department());
		assertThat(stranger.api().get("/api/v1/work-orders").json().path("items").toString()).doesNotContain("\"id\":" + id + ",");
		assertThat(team.office().api().get("/api/v1/work-orders/" + Long.MAX_VALUE).status()).isEqualTo(404);
	}

	@Test
	void evidence_of_a_wrong_type_gets_422_and_nothing_is_stored() {
		Team team = team();
		long id = badReview();
		takenTo(id, WorkOrderState.DISPATCHED);
		Http.Reply refused = upload(team.department(), "/api/v1/work-orders/" + id + "/evidence", "photo.png",
				"GIF89a not allowed".getBytes(StandardCharsets.US_ASCII));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().path("code").asString()).isEqualTo("FILE_TYPE_NOT_ALLOWED");
		assertThat(jdbc.sql("select count(*) from rct_evidence where order_id = :id").param("id", id).query(Long.class)
			.single()).isZero();
	}

	@Test
	void the_ledger_is_paged_filtered_and_exported_as_xlsx() {
		Team team = team();
		long id = badReview();
		Http.Reply page = team.office().api().get("/api/v1/work-orders?department=" + hall().department()
				+ "&state=RECEIVED&size=200");
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		assertThat(page.json().path("items").toString()).contains("\"id\":" + id);
		as(hotline());
		String mobile = orders.revealRaterMobile(id);
		assertThat(page.text()).contains(mobile.substring(0, 3) + "****" + mobile.substring(7)).doesNotContain(mobile);
		assertThat(team.office().api().get("/api/v1/work-orders?size=100000").status()).isEqualTo(422);
		assertThat(team.office().api().get("/api/v1/work-orders?state=NOPE").status()).isEqualTo(400);
		Http.Reply xlsx = team.office().api().get("/api/v1/work-orders/export.xlsx?state=RECEIVED");
		assertThat(xlsx.status()).isEqualTo(200);
		assertThat(xlsx.contentType()).startsWith(WorkOrderController.XLSX);
		assertThat(xlsx.text()).startsWith("PK");
	}

	@Test
	void the_rater_status_page_api_needs_no_login_and_records_the_answer_once() {
		long id = badReview();
		takenTo(id, WorkOrderState.REPLIED);
		String path = "/api/public/rater-status/" + RaterRepliedCapture.token(id);
		Http.Reply status = anonymous.get(path);
		assertThat(status.status()).as(status.toString()).isEqualTo(200);
		assertThat(status.json().path("replyText").asString()).isEqualTo("您好，已整改，感谢监督");
		as(hotline());
		assertThat(status.text()).doesNotContain(hall().department()).doesNotContain(orders.revealRaterMobile(id));
		assertThat(anonymous.post(path, Map.of("answer", "SATISFIED")).json().path("answer").asString()).isEqualTo("SATISFIED");
		assertThat(anonymous.post(path, Map.of("answer", "NOT_SATISFIED")).status()).isEqualTo(409);
		assertThat(anonymous.get("/api/public/rater-status/not-a-token").status()).isEqualTo(404);
		assertThat(anonymous.post(path, Map.of("answer", "MAYBE")).status()).isEqualTo(400);
	}

	/** A multipart/form-data upload of one file part named "file", with HTTP Basic. */
	private Http.Reply upload(People.Person person, String path, String fileName, byte[] content) {
		String boundary = "----hcp" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
					(person.login() + ":" + person.password()).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
			return new Http.Reply(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
