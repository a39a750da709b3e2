package org.hcp.doors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.hcp.catalog.Catalog;
import org.hcp.cases.Cases;
import org.hcp.evaluation.CaseLinks;
import org.hcp.evaluation.RatingDoors;
import org.hcp.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * The demo's doors, as a newcomer meets them on the start page: every link opens its door, the evaluator has a
 * service waiting, and starting the demo again (on its own database) gives doors that still work.
 */
class DemoDoorsIT extends ApiTest {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@Autowired
	Catalog catalog;
	@Autowired
	Cases cases;
	@Autowired
	DeviceRegistry devices;
	@Autowired
	StaffCodes staffCodes;
	@Autowired
	CaseLinks caseLinks;
	@Autowired
	RatingDoors doors;
	@Autowired
	DeviceQueue queue;
	@Autowired
	Clock clock;

	@Test
	void every_door_of_the_demo_opens_and_the_evaluator_has_a_service_waiting_also_after_a_restart() throws Exception {
		for (String kind : List.of("regions", "departments", "institutions", "windows", "staff", "items")) {
			catalog.importCsv(kind, new ClassPathResource("demo/" + kind + ".csv").getContentAsString(StandardCharsets.UTF_8));
		}
		DemoDoors demo = new DemoDoors(cases, devices, staffCodes, caseLinks, doors, queue, clock);
		demo.load();
		demo.load(); // a restart on the same database: new secret, new code, new cases for kiosk and evaluator
		Map<String, String> links = demo.links().stream()
			.collect(Collectors.toMap(DemoDoors.Link::key, DemoDoors.Link::path));
		assertThat(links).containsOnlyKeys("portal", "app", "staffCode", "receipt", "evaluator", "kiosk");

		assertThat(get(links.get("portal")).statusCode()).isEqualTo(200);
		assertThat(get(links.get("kiosk")).statusCode()).isEqualTo(200);
		for (String printed : List.of("staffCode", "receipt")) {
			HttpResponse<String> redirect = get(links.get(printed));
			assertThat(redirect.statusCode()).as(printed).isEqualTo(302);
			String page = redirect.headers().firstValue("Location").orElseThrow();
			assertThat(get(URI.create(page).getPath()).statusCode()).as(printed + " page").isEqualTo(200);
		}
		String setup = links.get("evaluator");
		String secret = setup.substring(setup.indexOf("?key=") + 5);
		HttpResponse<String> next = CLIENT.send(HttpRequest.newBuilder(URI.create(base() + "/evaluator/DEMO-EVAL-01/next"))
			.header(EvaluatorController.KEY_HEADER, secret).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
		assertThat(next.body()).contains("XH-HALL-W01");
	}

	private String base() {
		return "http://127.0.0.1:" + port;
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return CLIENT.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}
}
