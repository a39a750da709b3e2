package org.hcp.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Optimistic locking that is really compared: a case saved from a stale version is refused, not merged. */
class CaseVersionIT extends ServiceFixtures {

	@Autowired
	CaseRepository repository;

	private int version(String caseNo) {
		return jdbc.sql("select version from cas_case where case_no = :c").param("c", caseNo).query(Integer.class).single();
	}

	private static NewCase.NewServiceEvent visit(int no) {
		return new NewCase.NewServiceEvent(no, "现场服务", OffsetDateTime.now().minusMinutes(5).toInstant(), null, null);
	}

	@Test
	void a_case_saved_from_a_stale_version_is_refused_and_changes_nothing() {
		var c = aCase().promised();
		c.create();
		Case first = repository.load(c.caseNo()).orElseThrow();
		Case second = repository.load(c.caseNo()).orElseThrow();
		first.recordVisit(visit(2));
		repository.save(first);
		second.recordVisit(visit(3));
		assertThatThrownBy(() -> repository.save(second)).isInstanceOf(StaleCase.class);
		assertThat(version(c.caseNo())).isEqualTo(1);
		assertThat(admin.get("/api/v1/cases/" + c.caseNo()).json().path("services").findValuesAsString("serviceNo"))
			.containsExactly("1", "2");
	}

	@Test
	void concurrent_visits_to_one_case_are_retried_on_the_fresh_version_and_both_stored() throws Exception {
		var c = aCase().promised();
		c.create();
		var pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Integer>> visits = List.of(2, 3, 4, 5).stream().<Callable<Integer>>map(no -> () -> admin
				.post("/api/v1/cases/" + c.caseNo() + "/services", Map.of("serviceNo", no, "name", "现场服务",
						"at", OffsetDateTime.now().minusMinutes(1).toString()))
				.status()).toList();
			List<Integer> statuses = pool.invokeAll(visits).stream().map(f -> {
				try {
					return f.get();
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			}).toList();
			assertThat(statuses).containsOnly(200);
		}
		finally {
			pool.shutdown();
		}
		assertThat(version(c.caseNo())).isEqualTo(4);
		assertThat(admin.get("/api/v1/cases/" + c.caseNo()).json().path("services").size()).isEqualTo(5);
	}
}
