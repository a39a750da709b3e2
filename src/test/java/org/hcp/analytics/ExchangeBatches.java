package org.hcp.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.hcp.support.Http;

/** Dated exchange records for tests that need many ratings of one place at chosen times, sent in arrays. */
final class ExchangeBatches {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private ExchangeBatches() {
	}

	/** A service record of the place's department and item, accepted at {@code at} and completed half an hour later. */
	static Map<String, Object> service(Map<String, Object> record, String department, String item, OffsetDateTime at) {
		record.put("deptCode", department);
		record.put("taskCode", item);
		record.put("acceptDate", at.format(TIME));
		record.put("serviceTime", at.plusMinutes(30).format(TIME));
		record.put("resultDate", at.plusMinutes(30).format(TIME));
		return record;
	}

	/** An evaluation record assessed at {@code at}; a bad one carries its reason. */
	static Map<String, Object> rating(Map<String, Object> record, int satisfaction, OffsetDateTime at) {
		record.put("assessTime", at.format(TIME));
		if (satisfaction <= 2) {
			record.put("writingEvaluation", "材料要求反复变化");
		}
		return record;
	}

	static void assertAccepted(Http.Reply reply, int count) {
		assertThat(reply.status()).as(reply.toString()).isBetween(200, 201);
		assertThat(reply.json().path("accepted").asLong()).as(reply.toString()).isEqualTo(count);
	}
}
