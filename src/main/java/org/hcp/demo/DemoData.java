package org.hcp.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.hcp.cases.Applicant;
import org.hcp.cases.ApplyChannel;
import org.hcp.cases.CaseStatus;
import org.hcp.cases.CaseType;
import org.hcp.cases.Cases;
import org.hcp.cases.NewCase;
import org.hcp.catalog.Catalog;
import org.hcp.doors.DemoDoors;
import org.hcp.evaluation.Channel;
import org.hcp.evaluation.Evaluations;
import org.hcp.evaluation.Rater;
import org.hcp.evaluation.RatingCommand;
import org.hcp.evaluation.Source;
import org.hcp.privacy.Mobile;
import org.hcp.shared.RegionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads a small district (杭州市西湖区) once: catalog rows from {@code demo/*.csv} through the catalog's own import,
 * then cases and ratings through the same façades the API uses, so every rule applies to demo data too.
 */
@Component
@ConditionalOnProperty(name = "hcp.demo.enabled", havingValue = "true")
class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);
	private static final String COUNTY = "330106000000";

	private final Catalog catalog;
	private final Cases cases;
	private final Evaluations evaluations;
	private final Clock clock;
	private final DemoDoors doors;

	DemoData(Catalog catalog, Cases cases, Evaluations evaluations, Clock clock, DemoDoors doors) {
		this.doors = doors;
		this.catalog = catalog;
		this.cases = cases;
		this.evaluations = evaluations;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		if (cases.find("DEMO-0001").isPresent()) {
			doors.load();
			return;
		}
		for (String kind : List.of("regions", "departments", "institutions", "windows", "staff", "items")) {
			catalog.importCsv(kind, read("demo/" + kind + ".csv"));
		}
		Instant today = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(4));
		demoCase("DEMO-0001", "330106SCQR0002", "个体工商户登记", "11330106MB0000001G", "XH0002", "XH-SCJG-W01", today, null);
		demoCase("DEMO-0002", "330106MZGG0004", "婚姻登记档案查询", "11330106MB0000002K", "XH0001", "XH-HALL-W01", today, null);
		demoCase("DEMO-0003", "330106SCXK0001", "食品经营许可", "11330106MB0000001G", "XH0002", "XH-SCJG-W01", today, "DEMO-BATCH-1");
		demoCase("DEMO-0004", "330106SCXK0001", "食品经营许可", "11330106MB0000001G", "XH0002", "XH-SCJG-W01", today, "DEMO-BATCH-1");
		demoCase("DEMO-0005", "330106MZJF0003", "最低生活保障金给付", "11330106MB0000002K", "XH0003", "XH-SD-W01", today, null);
		rate("DEMO-0001", Channel.KIOSK, 5, List.of("511"), null);
		rate("DEMO-0002", Channel.WEB_PORTAL, 2, List.of("202"), "预约后仍需现场排队");
		rate("DEMO-0003", Channel.HOTLINE_12345, 4, List.of(), null);
		log.info("Demo data loaded: district {} with 4 institutions, 3 staff, 4 items, 5 cases", COUNTY);
		doors.load();
	}

	private void demoCase(String caseNo, String item, String itemName, String dept, String staff, String window,
			Instant at, String batchNo) {
		cases.open(new NewCase(caseNo, itemName, item, itemName, dept, new RegionCode(COUNTY), CaseType.ON_THE_SPOT,
				ApplyChannel.WINDOW, CaseStatus.COMPLETED,
				new Applicant(1, "演示用户", "111", "330106199512120000", new Mobile("1370000" + caseNo.substring(5))),
				at, at.plus(Duration.ofMinutes(20)), batchNo, null, NewCase.Source.DEMO,
				List.of(new NewCase.NewServiceEvent(1, "受理", at, staff, window),
						new NewCase.NewServiceEvent(2, "办结", at.plus(Duration.ofMinutes(20)), staff, window))));
	}

	private void rate(String caseNo, Channel channel, int stars, List<String> indicators, String comment) {
		evaluations.rate(new RatingCommand(caseNo, null, channel, stars, indicators, comment, null,
				new Rater("演示用户", "111", null, null), false, Source.API));
	}

	private static String read(String path) {
		try {
			return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
