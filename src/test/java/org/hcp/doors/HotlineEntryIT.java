package org.hcp.doors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hcp.catalog.ChannelFamily;
import org.hcp.evaluation.RatingDoors;
import org.hcp.support.People;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The 12345 operator's rating entry (/app/hotline/rate): found inside the operator's region, recorded with the call
 * reference and the operator as the submitter, refused to other roles and other regions, and a bad rating opens its
 * work order as every bad rating does.
 */
class HotlineEntryIT extends ServiceFixtures {

	@Autowired
	RatingDoors doors;

	@Test
	void the_operator_is_stored_as_the_submitter_with_the_call_reference() {
		var c = aCase().completedAfter(5);
		c.create();
		People.Person person = new People(port).hotline(hall().region());
		People.Session operator = person.signIn();

		People.Page found = operator.get("/app/hotline/rate?caseNo=" + c.caseNo());
		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		assertThat(found.text()).contains("id=\"rate-form\"").contains(hall().department()).contains("李*")
			.doesNotContain("李四").contains("未评价");
		assertThat(found.text()).as("no level is chosen beforehand").doesNotContain("checked");

		String reference = unique("CALL-");
		People.Page recorded = operator.post("/app/hotline/rate", form(c.caseNo(), "4", reference, "13900001111"));
		assertThat(recorded.status()).as(recorded.toString()).isEqualTo(302);
		Map<String, Object> row = jdbc.sql("""
				select channel, level, submitted_by_user, reference, source from evl_evaluation where case_no = :c""")
			.param("c", c.caseNo()).query().singleRow();
		assertThat(row.get("channel")).isEqualTo("HOTLINE_12345");
		assertThat(((Number) row.get("level")).intValue()).isEqualTo(4);
		assertThat(((Number) row.get("submitted_by_user")).longValue()).isEqualTo(person.id());
		assertThat(row.get("reference")).isEqualTo(reference);
		assertThat(row.get("source")).isEqualTo("ENTRY");

		People.Page after = operator.get("/app/hotline/rate");
		assertThat(after.text()).contains("id=\"hotline-recorded\"").contains(reference);
		assertThat(operator.get("/app/hotline/rate?caseNo=" + c.caseNo()).text()).doesNotContain("未评价");
	}

	@Test
	void the_call_reference_is_required_and_the_refusal_is_shown_next_to_it() {
		var c = aCase().completedAfter(5);
		c.create();
		People.Session operator = new People(port).hotline(hall().region()).signIn();
		operator.get("/app/hotline/rate?caseNo=" + c.caseNo());

		People.Page refused = operator.post("/app/hotline/rate", form(c.caseNo(), "5", "", ""));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text()).contains("id=\"err-callReference\"").contains("来电编号不能为空")
			.contains("id=\"rate-form\"");
		assertThat(storedRatings(c.caseNo())).isZero();

		People.Page noLevel = operator.post("/app/hotline/rate", form(c.caseNo(), "", unique("CALL-"), ""));
		assertThat(noLevel.status()).isEqualTo(422);
		assertThat(noLevel.text()).contains("id=\"hotline-problem\"");
		assertThat(storedRatings(c.caseNo())).isZero();
	}

	@Test
	void a_bad_rating_entered_by_the_operator_opens_its_work_order() {
		var c = aCase().completedAfter(5);
		c.create();
		People.Session operator = new People(port).hotline(hall().region()).signIn();
		operator.get("/app/hotline/rate?caseNo=" + c.caseNo());
		String indicator = doors.badReviewOptions(ChannelFamily.OFFLINE).get(1).get(0).code();

		People.Page withNeither = operator.post("/app/hotline/rate", form(c.caseNo(), "1", unique("CALL-"), ""));
		assertThat(withNeither.status()).isEqualTo(422);
		assertThat(storedRatings(c.caseNo())).isZero();

		Map<String, String> bad = form(c.caseNo(), "1", unique("CALL-"), "");
		bad.put("indicators", indicator);
		People.Page recorded = operator.post("/app/hotline/rate", bad);
		assertThat(recorded.status()).as(recorded.toString()).isEqualTo(302);
		long id = jdbc.sql("select id from evl_evaluation where case_no = :c").param("c", c.caseNo()).query(Long.class).single();
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"select count(*) from rct_order_rating where evaluation_id = :id").param("id", id).query(Long.class).single() == 1);
		assertThat(operator.get("/app/hotline/rate").text()).contains("差评整改");
	}

	@Test
	void people_without_the_hotline_role_are_refused_the_operator_screen() {
		var c = aCase().completedAfter(5);
		c.create();
		People people = new People(port);
		for (People.Person other : List.of(people.department(hall().region(), hall().department()),
				people.office(hall().region()), people.staff(hall().region(), hall().staffNo()))) {
			People.Session session = other.signIn();
			assertThat(session.get("/app/hotline/rate?caseNo=" + c.caseNo()).status()).isEqualTo(403);
			assertThat(session.post("/app/hotline/rate", form(c.caseNo(), "5", unique("CALL-"), "")).status())
				.isEqualTo(403);
			assertThat(session.get("/app").text()).doesNotContain("/app/hotline/rate");
		}
		assertThat(storedRatings(c.caseNo())).isZero();
		assertThat(people.hotline(hall().region()).signIn().get("/app").text()).contains("/app/hotline/rate");
	}

	@Test
	void a_case_outside_the_operators_region_is_refused() {
		var c = aCase().completedAfter(5);
		c.create();
		People.Session elsewhere = new People(port).hotline(newTownship()).signIn();

		People.Page found = elsewhere.get("/app/hotline/rate?caseNo=" + c.caseNo());
		assertThat(found.status()).isEqualTo(403);
		assertThat(found.text()).contains("OUT_OF_SCOPE").doesNotContain(hall().department()).doesNotContain("李*")
			.doesNotContain("id=\"rate-form\"");
		People.Page posted = elsewhere.post("/app/hotline/rate", form(c.caseNo(), "5", unique("CALL-"), ""));
		assertThat(posted.status()).isEqualTo(403);
		assertThat(posted.text()).doesNotContain(hall().department());
		assertThat(storedRatings(c.caseNo())).isZero();
	}

	private static Map<String, String> form(String caseNo, String level, String reference, String mobile) {
		Map<String, String> form = new HashMap<>(Map.of("caseNo", caseNo, "callReference", reference, "callerMobile",
				mobile, "comment", ""));
		if (!level.isEmpty()) {
			form.put("level", level);
		}
		return form;
	}
}
