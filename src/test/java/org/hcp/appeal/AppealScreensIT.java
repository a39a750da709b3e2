package org.hcp.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.hcp.rectification.WorkOrderView;
import org.hcp.support.People;
import org.junit.jupiter.api.Test;

/** The appeal screens as people use them: signed in, forms with CSRF, evidence uploaded from the browser. */
class AppealScreensIT extends AppealFixtures {

	private Browser signedIn(People.Person person) {
		Browser browser = new Browser(port, person);
		assertThat(browser.signIn(person).status()).isEqualTo(302);
		return browser;
	}

	private long appealOfOrder(long orderId) {
		return count("select id from apl_appeal where order_id = :id", orderId);
	}

	@Test
	void window_staff_see_their_bad_review_masked_and_appeal_it_with_evidence_on_the_screen() {
		Rated rated = dispatchedBadReview();
		WorkOrderView order = rated.order();
		Browser staff = signedIn(new People(port).staff(hall().region(), hall().staffNo()));

		Browser.Answer mine = staff.get("/app/mine");
		assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
		assertThat(mine.text()).contains("我的差评与申诉").contains(order.caseNos().get(0))
			.contains("/app/appeals/new?orderId=" + order.id()).contains("钱*")
			.doesNotContain("钱七").doesNotContain(rated.raterMobile());

		Browser.Answer form = staff.get("/app/appeals/new?orderId=" + order.id());
		assertThat(form.status()).as(form.toString()).isEqualTo(200);
		assertThat(form.text()).contains("enctype=\"multipart/form-data\"").contains(order.orderNo());

		Browser.Answer filed = staff.multipartForm("/app/appeals", new Multipart()
			.field("orderId", String.valueOf(order.id()))
			.field("reason", "评价人当场表示点错了")
			.field("evidenceText", "")
			.file("attachments", "现场.png", "image/png", PNG), true);
		assertThat(filed.status()).as(filed.toString()).isEqualTo(302);
		long id = appealOfOrder(order.id());
		assertThat(filed.location()).endsWith("/app/appeals/" + id + "?filed");
		Browser.Answer detail = staff.get("/app/appeals/" + id + "?filed");
		assertThat(detail.text()).contains("待复核").contains("现场.png").contains("评价人当场表示点错了")
			.doesNotContain("id=\"decide\"");
		assertThat(order(order.id()).paused()).isTrue();
		assertThat(staff.get("/app/mine").text()).contains("/app/appeals/" + id);
	}

	@Test
	void a_multipart_form_without_its_csrf_token_is_refused_and_stores_nothing() {
		WorkOrderView order = dispatchedBadReview().order();
		Browser staff = signedIn(new People(port).staff(hall().region(), hall().staffNo()));
		Browser.Answer refused = staff.multipartForm("/app/appeals",
				new Multipart().field("orderId", String.valueOf(order.id())).field("reason", "误评"), false);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(count("select count(*) from apl_appeal where order_id = :id", order.id())).isZero();
	}

	@Test
	void a_refused_appeal_on_the_screen_shows_the_reason_keeps_the_text_and_stores_nothing() {
		WorkOrderView order = dispatchedBadReview().order();
		Browser staff = signedIn(new People(port).staff(hall().region(), hall().staffNo()));
		staff.get("/app/appeals/new?orderId=" + order.id());
		Browser.Answer refused = staff.multipartForm("/app/appeals", new Multipart()
			.field("orderId", String.valueOf(order.id()))
			.field("reason", "附件说明")
			.file("attachments", "scan.png", "image/png", "plain text".getBytes(StandardCharsets.UTF_8)), true);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.text()).contains("id=\"appeal-problem\"").contains("证明材料只接受图片").contains("附件说明");
		assertThat(count("select count(*) from apl_appeal where order_id = :id", order.id())).isZero();
	}

	@Test
	void the_office_decides_on_the_screen_and_a_malicious_rater_shows_masked_in_the_credit_records() {
		Rated rated = dispatchedBadReview();
		long id = file(staff(), rated.order());
		Browser office = signedIn(new People(port).office(hall().region()));

		Browser.Answer list = office.get("/app/appeals");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.text()).contains("id=\"appeal-" + id + "\"");
		Browser.Answer detail = office.get("/app/appeals/" + id);
		assertThat(detail.text()).contains("id=\"decide\"");

		Browser.Answer missingReason = office.form("/app/appeals/" + id + "/decision", Map.of("outcome", "MALICIOUS", "reason", " "));
		assertThat(missingReason.status()).isEqualTo(200);
		assertThat(missingReason.text()).contains("id=\"appeal-problem\"");

		Browser.Answer decided = office.form("/app/appeals/" + id + "/decision",
				Map.of("outcome", "MALICIOUS", "reason", "评价人多次恶意差评"));
		assertThat(decided.status()).as(decided.toString()).isEqualTo(302);
		assertThat(office.get("/app/appeals/" + id + "?decided").text()).contains("申诉成立").contains("恶意评价")
			.doesNotContain("id=\"decide\"");

		Browser.Answer credit = office.get("/app/appeals/credit-records");
		assertThat(credit.status()).isEqualTo(200);
		assertThat(credit.text()).contains(rated.order().orderNo()).contains("钱*")
			.doesNotContain("钱七").doesNotContain(rated.raterMobile()).doesNotContain(rated.raterId());
	}

	@Test
	void the_appeal_screens_speak_english_on_request() {
		Browser office = signedIn(new People(port).office(hall().region()));
		Browser.Answer list = office.get("/app/appeals?lang=en");
		assertThat(list.text()).contains("<h1>Appeals</h1>").contains("lang=\"en\"");
	}

	@Test
	void a_12345_operator_is_refused_the_appeal_screens_with_a_page() {
		Browser hotline = signedIn(new People(port).hotline(hall().region()));
		Browser.Answer refused = hotline.get("/app/appeals");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("text/html");
		assertThat(refused.text()).contains("id=\"appeal-problem\"");
		assertThat(hotline.get("/app/mine").status()).isEqualTo(403);
	}
}
