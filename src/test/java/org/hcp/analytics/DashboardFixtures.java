package org.hcp.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hcp.support.Http;
import org.hcp.support.ServiceFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Ratings for the dashboard and disclosure tests: completed cases of the test hall in a region of the test's own,
 * reported and rated through the exchange API at a chosen time (so that a quarter that has ended can hold data),
 * then the rollups brought up to date.
 */
abstract class DashboardFixtures extends ServiceFixtures {

	@Autowired
	protected Statistics statistics;

	/** A rater as the exchange record names them: all personal, none of it may reach a public answer. */
	record Rater(String name, String idNumber, String mobile, String comment) {
	}

	/** A new village (level 5) under the township. */
	protected String newVillage(String township, int number) {
		String code = township.substring(0, 9) + String.format("%03d", number);
		Http.Reply created = admin.post("/api/v1/catalog/regions", Map.of("code", code, "name", "测试村" + number));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return code;
	}

	/**
	 * {@code count} completed cases in the region on the day, each rated {@code level} (indicator-free levels 3–5)
	 * by the rater, handled by the hall's staff member; the rollups are caught up afterwards.
	 */
	protected void rated(String region, String day, int count, int level, Rater rater) {
		List<Map<String, Object>> services = new ArrayList<>();
		List<Map<String, Object>> ratings = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String projectNo = unique("P");
			Map<String, Object> service = serviceRecord(region, projectNo, 1);
			service.put("acceptDate", day + " 09:00:00");
			service.put("serviceTime", day + " 09:30:00");
			service.put("resultDate", day + " 09:30:00");
			service.put("proManager", hall().staffNo());
			service.put("userName", rater.name());
			service.put("certKey", rater.idNumber());
			service.put("mobile", rater.mobile());
			services.add(service);
			Map<String, Object> rating = evaluationRecord(projectNo, level, "");
			rating.put("assessTime", day + " 10:00:00");
			rating.put("userName", rater.name());
			rating.put("certKey", rater.idNumber());
			rating.put("mobile", rater.mobile());
			rating.put("writingEvaluation", rater.comment());
			ratings.add(rating);
		}
		accepted(admin.post("/api/exchange/v1/services", services), count);
		accepted(admin.post("/api/exchange/v1/evaluations", ratings), count);
		statistics.catchUp();
	}

	private static void accepted(Http.Reply reply, int count) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.json().path("accepted").asInt()).as(reply.toString()).isEqualTo(count);
	}
}
