package org.hcp.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.hcp.shared.ChinaTime;
import org.hcp.support.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The rectification screens over HTTP with signed-in people (session, CSRF), on orders opened by real 1-star ratings:
 * who sees which page, every form refused without its CSRF token, refusals shown on the page in the reader's
 * language, the steps of each role, the ledger and its export, and the rater's status page.
 */
class OrderScreensIT extends WorkOrderFixtures {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private People people() {
		return new People(port);
	}

	private String orderNo(long id) {
		return current(id).order().orderNo();
	}

	// ---------------------------------------------------------------------------------------------- who sees what

	@Test
	void a_department_cannot_open_another_departments_order_page() {
		long id = badReview();
		takenTo(id, WorkOrderState.DISPATCHED);
		People.Session stranger = people().department(hall().region(), newDepartment(hall().region())).signIn();
		Map<String, Long> before = workOrderCounts();

		People.Page page = stranger.get("/app/orders/" + id);
		assertThat(page.status()).isEqualTo(403);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.text()).contains("无权查看或办理").doesNotContain(orderNo(id)).doesNotContain(hall().department());
		People.Page verify = stranger.post("/app/orders/" + id + "/verify", Map.of("version",
				String.valueOf(version(id)), "contacted", "评价人", "contactMethod", "电话", "findings", "属实"));
		assertThat(verify.status()).isEqualTo(403);
		assertThat(workOrderCounts()).isEqualTo(before);

		People.Session own = people().department(hall().region(), hall().department()).signIn();
		assertThat(own.get("/app/orders/" + id).text()).contains(orderNo(id)).contains("id=\"form-verify\"");
	}

	@Test
	void an_office_of_another_region_cannot_open_the_order_page_and_its_own_office_can() {
		long id = badReview();
		String otherRegion = "980102000000";
		assertThat(admin.post("/api/v1/catalog/regions", Map.of("code", otherRegion, "name", "测试县乙")).status())
			.isIn(201, 409);
		People.Session stranger = people().office(otherRegion).signIn();
		People.Page page = stranger.get("/app/orders/" + id);
		assertThat(page.status()).isEqualTo(403);
		assertThat(page.text()).contains("无权查看或办理").doesNotContain(orderNo(id));
		assertThat(stranger.get("/app/orders/ledger?region=980101").status()).isEqualTo(403);
		assertThat(stranger.get("/app/orders/ledger").text()).doesNotContain(orderNo(id));

		People.Session office = people().office(hall().region()).signIn();
		assertThat(office.get("/app/orders/" + id).status()).isEqualTo(200);
		assertThat(office.get("/app/orders/" + Long.MAX_VALUE).status()).isEqualTo(404);
	}

	@Test
	void every_form_post_of_the_screens_needs_its_csrf_token() {
		long id = badReview();
		People.Session office = people().office(hall().region()).signIn();
		Map<String, Long> before = workOrderCounts();
		Set<String> posts = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			if (info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
				info.getPatternValues().stream().filter(p -> p.startsWith("/app/orders") || p.startsWith("/r/"))
					.forEach(posts::add);
			}
		}
		assertThat(posts).contains("/app/orders/{id}/dispatch", "/app/orders/{id}/close", "/app/orders/{id}/evidence",
				"/r/{token}").hasSizeGreaterThanOrEqualTo(18);
		for (String pattern : posts) {
			String path = pattern.replace("{id}", String.valueOf(id)).replace("{token}", "x".repeat(43));
			People.Page refused = office.postWithoutCsrf(path, Map.of("version", String.valueOf(version(id)), "reason", "x"));
			assertThat(refused.status()).as(pattern + " without a CSRF token: " + refused).isEqualTo(403);
		}
		assertThat(workOrderCounts()).isEqualTo(before);
	}

	@Test
	void staff_are_sent_to_their_own_ratings() {
		People.Session staff = people().staff(hall().region(), hall().staffNo()).signIn();
		People.Page page = staff.get("/app/orders");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("id=\"staff-link\"").contains("href=\"/app/mine\"");
	}

	// ---------------------------------------------------------------------------------------------- 12345

	@Test
	void the_first_check_inbox_lists_the_regions_received_orders_oldest_first() {
		long older = badReview();
		long newer = badReview();
		People.Session hotline = people().hotline(hall().region()).signIn();
		long total = admin.get("/api/v1/work-orders?state=RECEIVED&region=980101&size=1").json().path("total").asLong();
		long last = (total - 1) / QueueScreen.PAGE_SIZE;
		String tail = (last > 0 ? hotline.get("/app/orders?queue=first-check&page=" + (last - 1)).text() : "")
				+ hotline.get("/app/orders?queue=first-check&page=" + last).text();
		assertThat(tail).contains(orderNo(older)).contains(orderNo(newer));
		assertThat(tail.indexOf(orderNo(older))).isLessThan(tail.indexOf(orderNo(newer)));
		assertThat(hotline.get("/app/orders?queue=first-check&page=0").text()).contains("id=\"table-first-check\"");
	}

	@Test
	void the_operator_takes_the_first_check_from_the_inbox_valid_or_invalid_with_a_reason() {
		long valid = badReview();
		long invalid = badReview();
		People.Session hotline = people().hotline(hall().region()).signIn();
		hotline.get("/app/orders");
		People.Page dispatched = hotline.post("/app/orders/" + valid + "/dispatch",
				Map.of("version", String.valueOf(version(valid)), "from", "queue"));
		assertThat(dispatched.status()).isEqualTo(302);
		assertThat(dispatched.location()).endsWith("/app/orders");
		assertThat(hotline.get("/app/orders").text()).contains("已初核为有效差评并派单");
		assertThat(current(valid).order().state()).isEqualTo(WorkOrderState.DISPATCHED);

		People.Page noReason = hotline.post("/app/orders/" + invalid + "/invalidate",
				Map.of("version", String.valueOf(version(invalid)), "reason", " "));
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(noReason.text()).contains("请填写“理由”").doesNotContain("Exception");
		assertThat(current(invalid).order().state()).isEqualTo(WorkOrderState.RECEIVED);
		People.Page done = hotline.post("/app/orders/" + invalid + "/invalidate",
				Map.of("version", String.valueOf(version(invalid)), "reason", "评价人表示误点"));
		assertThat(done.status()).isEqualTo(302);
		assertThat(current(invalid).order().state()).isEqualTo(WorkOrderState.INVALID);
		assertThat(current(invalid).timeline()).last().extracting(TimelineEntry::reason).isEqualTo("评价人表示误点");
	}

	@Test
	void a_refusal_of_the_facade_is_shown_on_the_page_in_the_readers_language() {
		long id = badReview();
		People.Session hotline = people().hotline(hall().region()).signIn();
		int stale = version(id);
		takenTo(id, WorkOrderState.DISPATCHED);
		People.Page chinese = hotline.post("/app/orders/" + id + "/dispatch", Map.of("version", String.valueOf(stale)));
		assertThat(chinese.status()).isEqualTo(409);
		assertThat(chinese.contentType()).startsWith("text/html");
		assertThat(chinese.text()).contains("id=\"screen-problem\"").contains("工单已被他人修改");

		hotline.get("/app/orders?lang=en");
		People.Page english = hotline.post("/app/orders/" + id + "/invalidate", Map.of("version", String.valueOf(version(id)),
				"reason", "mistake"));
		assertThat(english.status()).isEqualTo(409);
		assertThat(english.text()).contains("is not possible now").doesNotContain("不能执行");
		People.Page required = hotline.post("/app/orders/" + id + "/revisit", Map.of("version", "x"));
		assertThat(required.status()).isEqualTo(422);
		assertThat(required.text()).contains("lang=\"en\"").contains("reload it and try again");
	}

	@Test
	void the_revisit_call_list_masks_the_number_and_shows_it_only_on_demand_and_audited() {
		long id = badReview();
		takenTo(id, WorkOrderState.REPLIED);
		as(hotline());
		String mobile = orders.revealRaterMobile(id);
		String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);
		People.Session hotline = people().hotline(hall().region()).signIn();
		String row = null;
		for (int page = 0; row == null && page < 100; page++) {
			String text = hotline.get("/app/orders?queue=revisits&page=" + page).text();
			int at = text.indexOf("id=\"row-revisits-" + id + "\"");
			row = at < 0 ? (text.contains("id=\"table-revisits\"") ? null : "") : text.substring(at, text.indexOf("</tr>", at));
		}
		assertThat(row).contains(masked).doesNotContain(mobile).contains("hx-post=\"/app/orders/" + id + "/rater-mobile\"");
		long reveals = reveals(id);

		People.Page revealed = hotline.htmx("POST", "/app/orders/" + id + "/rater-mobile", Map.of());
		assertThat(revealed.status()).isEqualTo(200);
		assertThat(revealed.text()).contains(mobile).contains("id=\"mobile-" + id + "\"").doesNotContain("<html");
		assertThat(reveals(id)).isEqualTo(reveals + 1);

		People.Page attempt = hotline.post("/app/orders/" + id + "/call-attempts", Map.of("note", "无人接听", "from", "queue"));
		assertThat(attempt.status()).isEqualTo(302);
		People.Page outcome = hotline.post("/app/orders/" + id + "/revisit", Map.of("version", String.valueOf(version(id)),
				"outcome", "SATISFIED", "note", "满意", "from", "queue"));
		assertThat(outcome.status()).isEqualTo(302);
		assertThat(current(id).order().state()).isEqualTo(WorkOrderState.REVISITED);
		assertThat(current(id).callAttempts()).isEqualTo(1);
	}

	// ---------------------------------------------------------------------------------------------- department, office

	@Test
	void the_department_verifies_uploads_evidence_rectifies_at_once_and_replies_on_the_order_page() {
		long id = badReview();
		takenTo(id, WorkOrderState.DISPATCHED);
		People.Session handler = people().department(hall().region(), hall().department()).signIn();
		String order = "/app/orders/" + id;
		assertThat(handler.get("/app/orders").text()).contains("id=\"queue-department\"");
		assertThat(handler.get(order).text()).contains("id=\"form-verify\"").doesNotContain("id=\"form-dispatch\"")
			.as("the department may appeal the bad review from its order page")
			.contains("id=\"link-appeal-form\"").contains("/app/appeals/new?orderId=" + id);
		assertThat(handler.post(order + "/verify", Map.of("version", String.valueOf(version(id)), "contacted", "评价人赵六",
				"contactMethod", "电话", "findings", "等候时间过长属实")).status()).isEqualTo(302);

		People.Page wrongType = handler.upload(order + "/evidence", Map.of(), "file", "a.gif", "image/gif",
				"GIF89a".getBytes(StandardCharsets.US_ASCII));
		assertThat(wrongType.status()).isEqualTo(422);
		assertThat(wrongType.text()).contains("只接受 PNG、JPEG 图片或 PDF 文件");
		People.Page uploaded = handler.upload(order + "/evidence", Map.of(), "file", "现场照片.png", "image/png", PNG);
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(302);
		WorkOrderDetail d = current(id);
		assertThat(d.evidence()).hasSize(1);
		long evidenceId = d.evidence().get(0).id();
		String page = handler.get(order).text();
		assertThat(page).contains("现场照片.png").contains("id=\"use-evidence-" + evidenceId + "\"");

		assertThat(handler.post(order + "/rectify-at-once", Map.of("version", String.valueOf(version(id)), "evidence",
				"增设取号窗口", "files", String.valueOf(evidenceId))).status()).isEqualTo(302);
		assertThat(current(id).evidence().get(0).usedBy()).isEqualTo("rectify-at-once");
		assertThat(handler.post(order + "/reply", Map.of("version", String.valueOf(version(id)), "text", "已增设窗口，感谢监督"))
			.status()).isEqualTo(302);
		assertThat(current(id).order().state()).isEqualTo(WorkOrderState.REPLIED);
		People.Page file = handler.get(order + "/evidence/" + evidenceId);
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.contentType()).startsWith("image/png");
	}

	@Test
	void an_extension_is_requested_on_the_order_page_listed_for_the_office_and_approved_with_its_reason() {
		long id = badReview();
		takenTo(id, WorkOrderState.VERIFIED);
		People.Session handler = people().department(hall().region(), hall().department()).signIn();
		String order = "/app/orders/" + id;
		LocalDate today = ChinaTime.dateOf(java.time.Instant.now());
		assertThat(handler.post(order + "/ledger-entry", Map.of("version", String.valueOf(version(id)), "plannedBy",
				today.plusDays(3).toString(), "plan", "更换叫号设备")).status()).isEqualTo(302);
		LocalDate later = ScreenViews.lastDay(current(id).order().deadline()).plusDays(20);
		assertThat(handler.post(order + "/extension", Map.of("version", String.valueOf(version(id)), "newDeadline",
				later.toString(), "reason", "设备需政府采购")).status()).isEqualTo(302);
		assertThat(handler.get(order).text()).doesNotContain("id=\"form-extension\"");

		People.Session office = people().office(hall().region()).signIn();
		assertThat(office.get("/app/orders?queue=extensions").text()).contains(orderNo(id));
		assertThat(office.get(order).text()).contains("id=\"extension-decision\"").contains("设备需政府采购");
		assertThat(office.post(order + "/extension/approve", Map.of("version", String.valueOf(version(id)), "reason",
				"理由充分")).status()).isEqualTo(302);
		WorkOrderDetail d = current(id);
		assertThat(ScreenViews.lastDay(d.order().deadline())).isEqualTo(later);
		assertThat(d.extensions()).singleElement().satisfies(x -> {
			assertThat(x.status()).isEqualTo("APPROVED");
			assertThat(x.reason()).isEqualTo("设备需政府采购");
		});
		assertThat(office.get(order).text()).contains(later.toString()).contains("已同意");
	}

	@Test
	void cannot_be_rectified_is_reported_and_sent_back_by_the_office_on_the_screens() {
		long id = badReview();
		takenTo(id, WorkOrderState.VERIFIED);
		People.Session handler = people().department(hall().region(), hall().department()).signIn();
		String order = "/app/orders/" + id;
		assertThat(handler.post(order + "/unrectifiable", Map.of("version", String.valueOf(version(id)), "reason",
				"上位法规定须本人到场")).status()).isEqualTo(302);
		People.Session office = people().office(hall().region()).signIn();
		assertThat(office.get("/app/orders?queue=unrectifiable").text()).contains(orderNo(id));
		People.Page noReason = office.post(order + "/unrectifiable/return", Map.of("version", String.valueOf(version(id))));
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(office.post(order + "/unrectifiable/return", Map.of("version", String.valueOf(version(id)), "reason",
				"可先优化告知")).status()).isEqualTo(302);
		assertThat(current(id).order().state()).isEqualTo(WorkOrderState.VERIFIED);
	}

	@Test
	void the_office_closes_a_revisited_order_and_nothing_closes_without_a_revisit_outcome() {
		long id = badReview();
		takenTo(id, WorkOrderState.REPLIED);
		People.Session office = people().office(hall().region()).signIn();
		String order = "/app/orders/" + id;
		assertThat(office.get(order).text()).doesNotContain("id=\"form-close\"");
		People.Page early = office.post(order + "/close", Map.of("version", String.valueOf(version(id)), "note", "销号"));
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.text()).contains("未记录回访结果的工单不能销号");
		takenTo(id, WorkOrderState.REVISITED);
		assertThat(office.get("/app/orders?queue=to-close").text()).contains("id=\"queue-to-close\"");
		assertThat(office.get(order).text()).contains("id=\"form-close\"");
		assertThat(office.post(order + "/close", Map.of("version", String.valueOf(version(id)), "note", "整改到位"))
			.status()).isEqualTo(302);
		assertThat(current(id).order().state()).isEqualTo(WorkOrderState.CLOSED);
	}

	@Test
	void the_ledger_screen_filters_and_exports_xlsx_and_shows_a_bad_filter_as_a_problem() {
		long id = badReview();
		People.Session office = people().office(hall().region()).signIn();
		People.Page ledger = office.get("/app/orders/ledger?state=RECEIVED&department=" + hall().department());
		assertThat(ledger.status()).isEqualTo(200);
		assertThat(ledger.text()).contains("id=\"ledger-" + id + "\"").contains("ledger.xlsx?");
		assertThat(office.get("/app/orders/ledger?state=CLOSED&department=" + hall().department()).text())
			.doesNotContain("id=\"ledger-" + id + "\"");
		People.Page xlsx = office.get("/app/orders/ledger.xlsx?state=RECEIVED");
		assertThat(xlsx.status()).isEqualTo(200);
		assertThat(xlsx.contentType()).startsWith(WorkOrderController.XLSX);
		assertThat(xlsx.text()).startsWith("PK");
		People.Page bad = office.get("/app/orders/ledger?state=NOPE&from=yesterday");
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.text()).contains("id=\"screen-problem\"");
	}

	// ---------------------------------------------------------------------------------------------- the rater

	@Test
	void the_raters_status_page_shows_the_reply_without_personal_data_and_takes_one_answer() {
		long id = badReview();
		takenTo(id, WorkOrderState.REPLIED);
		String path = "/r/" + RaterRepliedCapture.token(id);
		People.Session rater = new People.Session("http://127.0.0.1:" + port);
		People.Page page = rater.get(path);
		assertThat(page.status()).isEqualTo(200);
		as(hotline());
		String mobile = orders.revealRaterMobile(id);
		assertThat(page.text()).contains("您好，已整改，感谢监督").contains(orderNo(id)).contains("id=\"rater-form\"")
			.doesNotContain(mobile).doesNotContain(mobile.substring(7)).doesNotContain(hall().department())
			.doesNotContain("赵六");
		People.Page answered = rater.post(path, Map.of("answer", "BASICALLY_SATISFIED"));
		assertThat(answered.status()).isEqualTo(302);
		assertThat(rater.get(path).text()).contains("您已评价：基本满意").doesNotContain("id=\"rater-form\"");
		assertThat(current(id).raterAnswer()).isEqualTo(RaterAnswer.BASICALLY_SATISFIED);
		People.Page again = rater.post(path, Map.of("answer", "NOT_SATISFIED"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.text()).contains("已经评价过该答复");
		assertThat(current(id).raterAnswer()).isEqualTo(RaterAnswer.BASICALLY_SATISFIED);
	}

	@Test
	void an_unknown_or_malformed_status_link_gets_a_friendly_404_page() {
		People.Session rater = new People.Session("http://127.0.0.1:" + port);
		for (String token : List.of("x".repeat(43), "short", "%E4%B8%AD")) {
			People.Page page = rater.get("/r/" + token);
			assertThat(page.status()).as(token).isEqualTo(404);
			assertThat(page.contentType()).startsWith("text/html");
			assertThat(page.text()).contains("未找到该页面").contains("12345");
		}
		rater.get("/r/" + "x".repeat(43));
		assertThat(rater.post("/r/" + "x".repeat(43), Map.of("answer", "SATISFIED")).status()).isEqualTo(404);
		var asked = anonymous.get("/r/" + "x".repeat(43));
		assertThat(asked.status()).isEqualTo(404);
		assertThat(asked.contentType()).as("without asking for HTML: the one problem shape").startsWith("application/problem+json");
	}

	// ---------------------------------------------------------------------------------------------- helpers

	private long reveals(long id) {
		return jdbc.sql("select count(*) from rct_audit where order_id = :id and action = 'reveal-mobile'").param("id", id)
			.query(Long.class).single();
	}

	private Map<String, Long> workOrderCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : List.of("rct_work_order", "rct_audit", "rct_evidence", "rct_extension", "rct_reply",
				"rct_call_attempt")) {
			counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
		}
		counts.put("versions", jdbc.sql("select coalesce(sum(version), 0) from rct_work_order").query(Long.class).single());
		return counts;
	}
}
