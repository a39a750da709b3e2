package org.hcp.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.hcp.shared.ChinaTime;
import org.hcp.support.Axe;
import org.hcp.support.Chromium;
import org.hcp.support.Http;
import org.hcp.support.Pages;
import org.hcp.support.People;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * A township office on the ranking and report screens in a real browser. Its four villages, two departments and two
 * staff members were rated in October and November 2026 through the exchange, and so was a village of another
 * township; the office changes the ranking's period, kind and adjustment and every row equals the ranking API's answer
 * for the same person; it asks for the quarterly report in the background, follows it to done and downloads it.
 * axe-core finds no serious or critical violation; nothing scrolls sideways at 1366×768 or 360×740; screenshots go to
 * {@code docs/screens/}.
 */
class RankingsReportsBrowserIT extends ServiceFixtures {

	private static final Dimension DESK = new Dimension(1366, 768);
	private static final Dimension PHONE = new Dimension(360, 740);
	private static final Path SCREENS = Path.of("docs/screens");
	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	/** The office's township with the names of its units, and the other township with its own. */
	record Place(String township, List<String> villageNames, List<String> departmentNames, List<String> staff,
			String otherTownship, List<String> foreignNames) {
	}

	/** One answer of a download link. */
	record Download(int status, String contentType, byte[] body) {
	}

	private static Place place;

	@Autowired
	Statistics statistics;

	private ChromeDriver browser;
	private People.Person office;

	@BeforeEach
	void data() throws IOException {
		if (place == null) {
			place = ratedPlace();
		}
		office = new People(port).office(place.township());
		browser = Chromium.start(DESK.getWidth(), DESK.getHeight());
		Files.createDirectories(SCREENS);
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void an_office_ranks_its_villages_departments_and_staff_and_every_figure_equals_the_api() throws IOException {
		signIn();
		Pages.follow(browser, browser.findElement(By.cssSelector(".mainnav a[href='/app/rankings']")));
		assertThat(new Select(browser.findElement(By.id("ranking-kind"))).getFirstSelectedOption().getDomProperty("value"))
			.isEqualTo("REGION");
		assertThat(browser.findElement(By.id("ranking-region")).getDomProperty("value")).isEqualTo(place.township());
		assertThat(browser.findElement(By.id("ranking-period")).getDomProperty("value"))
			.as("last month in China").isEqualTo(YearMonth.now(ChinaTime.ZONE).minusMonths(1).toString());
		sameAsApi("REGION", YearMonth.now(ChinaTime.ZONE).minusMonths(1).toString(), false);

		show("REGION", "2026-10", false);
		JsonNode october = sameAsApi("REGION", "2026-10", false);
		assertThat(names(october.path("ranked"))).containsExactly("东风村", "红旗村");
		assertThat(names(october.path("notEnoughData"))).containsExactly("新华村", "太平村");
		assertThat(cells(1)).as("29 of 32 is 90.625 %, rounded half up as on the dashboard").contains("90.63 %");
		assertThat(browser.findElement(By.id("ranking-method")).getText()).contains("威尔逊", "30", "数据不足");
		onlyOwnSubjects(place.villageNames());
		Axe.assertAccessible(browser, "ranking of villages");
		screenshots("rankings", "ranking-result");

		show("REGION", "2026-11", false);
		JsonNode november = sameAsApi("REGION", "2026-11", false);
		assertThat(names(november.path("ranked"))).containsExactly("新华村", "红旗村");
		onlyOwnSubjects(place.villageNames());

		show("DEPARTMENT", "2026Q4", true);
		JsonNode departments = sameAsApi("DEPARTMENT", "2026Q4", true);
		assertThat(names(departments.path("ranked"))).containsExactlyInAnyOrderElementsOf(place.departmentNames());
		assertThat(browser.findElement(By.id("ranking-method")).getText()).contains("事项难度");
		onlyOwnSubjects(place.departmentNames());
		Axe.assertAccessible(browser, "adjusted ranking of departments");
		noSidewaysScrolling("adjusted ranking of departments");

		show("STAFF", "2026Q4", false);
		JsonNode staff = sameAsApi("STAFF", "2026Q4", false);
		assertThat(names(staff.path("ranked"))).containsExactlyInAnyOrderElementsOf(place.staff());
		assertThat(browser.getPageSource()).as("staff are ranked by number, never by name").doesNotContain("王五");
		onlyOwnSubjects(place.staff());
	}

	@Test
	void a_region_outside_the_office_is_refused_on_the_ranking_screen() {
		signIn();
		browser.get(url("/app/rankings"));
		WebElement region = browser.findElement(By.id("ranking-region"));
		region.clear();
		region.sendKeys(place.otherTownship());
		Pages.follow(browser, browser.findElement(By.id("ranking-apply")));
		assertThat(browser.findElement(By.id("problem-heading")).isDisplayed()).isTrue();
		assertThat(browser.findElements(By.id("ranking-table"))).isEmpty();
		assertThat(browser.getPageSource()).doesNotContain(place.foreignNames().toArray(String[]::new));
		assertThat(office.api().get("/api/v1/rankings?kind=REGION&region=" + place.otherTownship() + "&period=2026-10")
			.status()).as("the API refuses it too").isEqualTo(403);
	}

	@Test
	void an_office_exports_its_quarterly_report_in_the_background_and_downloads_pdf_and_excel() throws IOException {
		signIn();
		Pages.follow(browser, browser.findElement(By.cssSelector(".mainnav a[href='/app/reports']")));
		assertThat(browser.findElement(By.id("report-region")).getDomProperty("value")).isEqualTo(place.township());
		browser.findElement(By.id("report-period")).sendKeys("2026Q4");
		Pages.follow(browser, browser.findElement(By.id("report-show")));
		assertThat(browser.findElement(By.id("report-summary")).getText()).contains("排名测试镇", "2026Q4");
		summaryEqualsTheStatisticsApi();

		assertFile(fetch(browser.findElement(By.id("report-pdf")).getDomProperty("href")), ExportFile.PDF, "%PDF");
		assertFile(fetch(browser.findElement(By.id("report-xlsx")).getDomProperty("href")), ExportFile.XLSX, "PK");

		browser.findElement(By.id("export-pdf")).click();
		String pdf = doneExport(null);
		assertThat(pdf).contains("/app/reports/exports/").endsWith("/file");
		assertFile(fetch(pdf), ExportFile.PDF, "%PDF");
		Axe.assertAccessible(browser, "reports with a finished export");

		browser.findElement(By.id("export-xlsx")).click();
		String xlsx = doneExport(pdf);
		assertFile(fetch(xlsx), ExportFile.XLSX, "PK");
		People.Person colleague = new People(port).office(place.township());
		assertThat(colleague.api().get(xlsx.substring(xlsx.indexOf("/app/")).replace("/app/reports/", "/api/v1/"))
			.status()).as("only the requester downloads an export").isEqualTo(404);
		screenshots("reports", "report-summary");
	}

	// ------------------------------------------------------------------------------------------------ the ranking

	/** Chooses the kind, types the period, sets the adjustment and applies the filter, as a person does. */
	private void show(String kind, String period, boolean adjust) {
		new Select(browser.findElement(By.id("ranking-kind"))).selectByValue(kind);
		WebElement field = browser.findElement(By.id("ranking-period"));
		field.clear();
		field.sendKeys(period);
		WebElement box = browser.findElement(By.id("ranking-adjust"));
		if (box.isSelected() != adjust) {
			box.click();
		}
		Pages.follow(browser, browser.findElement(By.id("ranking-apply")));
		assertThat(browser.findElement(By.id("ranking-result")).getText()).contains(period);
	}

	/** Every row of the table equals the ranking API's unit in the same place, for the same person; returns the API's. */
	private JsonNode sameAsApi(String kind, String period, boolean adjust) {
		Http.Reply reply = office.api().get("/api/v1/rankings?kind=" + kind + "&region=" + place.township()
				+ "&period=" + period + "&adjust=" + adjust);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		JsonNode api = reply.json();
		List<List<String>> expected = new ArrayList<>();
		api.path("ranked").forEach(u -> expected.add(rankedRow(u, adjust)));
		api.path("notEnoughData").forEach(u -> expected.add(unrankedRow(u, adjust)));
		List<List<String>> shown = new ArrayList<>();
		for (int i = 0; i < rows().size(); i++) {
			shown.add(cells(i));
		}
		assertThat(shown).as(kind + " " + period + (adjust ? " adjusted" : "")).isEqualTo(expected);
		return api;
	}

	private static List<String> rankedRow(JsonNode u, boolean adjust) {
		List<String> row = new ArrayList<>(List.of(u.path("rank").asString(), u.path("name").asString(),
				u.path("detail").asString(""), u.path("evaluations").asString(), u.path("good").asString(),
				percent(u.path("share")), percent(u.path("lowerBound"))));
		if (adjust) {
			row.add(percent(u.path("expected")));
		}
		row.add(percent(u.path("score")));
		return row;
	}

	private static List<String> unrankedRow(JsonNode u, boolean adjust) {
		List<String> row = new ArrayList<>(List.of("数据不足", u.path("name").asString(), u.path("detail").asString(""),
				u.path("evaluations").asString(), u.path("good").asString(), "—", "—"));
		if (adjust) {
			row.add("—");
		}
		row.add("—");
		return row;
	}

	/** A fraction 0…1 as every figure of the platform shows it: a percentage, two decimals, rounded half up. */
	private static String percent(JsonNode fraction) {
		return fraction.decimalValue().movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + " %";
	}

	/** The unit column holds only the office's own units, none of the other township's. */
	private void onlyOwnSubjects(List<String> own) {
		List<String> units = new ArrayList<>();
		for (int i = 0; i < rows().size(); i++) {
			units.add(cells(i).get(1));
		}
		assertThat(own).containsAll(units);
		assertThat(browser.findElement(By.id("ranking-table")).getText())
			.doesNotContain(place.foreignNames().toArray(String[]::new));
	}

	private List<WebElement> rows() {
		return browser.findElements(By.cssSelector("#ranking-table tbody tr"));
	}

	private List<String> cells(int row) {
		return rows().get(row).findElements(By.tagName("td")).stream().map(WebElement::getText).map(String::strip)
			.toList();
	}

	private static List<String> names(JsonNode units) {
		List<String> names = new ArrayList<>();
		units.forEach(u -> names.add(u.path("name").asString()));
		return names;
	}

	// ------------------------------------------------------------------------------------------------ the report

	/** The main figures of the report screen, row by row, as the statistics API gives them to the same person. */
	private void summaryEqualsTheStatisticsApi() {
		Http.Reply reply = office.api().get("/api/v1/statistics?key=" + place.township() + "&period=2026Q4");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		Map<String, JsonNode> byMetric = new HashMap<>();
		reply.json().path("figures").forEach(f -> byMetric.put(f.path("metric").asString(), f));
		List<WebElement> rows = browser.findElements(By.cssSelector("#report-figures tbody tr"));
		assertThat(rows).hasSize(Report.SUMMARY.size());
		for (int i = 0; i < rows.size(); i++) {
			Metric metric = Report.SUMMARY.get(i);
			JsonNode f = byMetric.get(metric.name());
			List<String> cells = rows.get(i).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
			assertThat(cells.get(0)).as(metric.name()).isEqualTo(f.path("name").path("zh").asString());
			assertThat(cells.get(1)).as(metric.name())
				.isEqualTo(metric.isRate() ? f.path("percent").asString() : Long.toString(f.path("value").asLong()));
		}
		assertThat(byMetric.get("EVALUATIONS").path("value").asLong()).isEqualTo(40 + 32 + 6 + 10 + 35 + 31);
	}

	/** Waits for the export in the slot to be done (and not to be {@code previous}); returns its download link. */
	private String doneExport(String previous) {
		String link = new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
			.until(b -> {
				assertThat(b.findElements(By.id("export-failed"))).as("the export failed").isEmpty();
				List<WebElement> links = b.findElements(By.id("export-download"));
				String href = links.isEmpty() ? null : links.get(0).getDomProperty("href");
				return href != null && !href.equals(previous) ? href : null;
			});
		assertThat(browser.findElement(By.id("export-bar")).getDomProperty("value")).isEqualTo("100");
		assertThat(browser.findElement(By.id("export-status")).getText()).as("the state in words, not its code")
			.contains("100", "已完成").doesNotContain("DONE");
		return link;
	}

	/** The link's answer to this browser's session, fetched as the browser would. */
	private Download fetch(String href) {
		String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
		HttpRequest request = HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies).GET().build();
		try {
			HttpResponse<byte[]> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
			return new Download(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static void assertFile(Download file, String contentType, String magic) {
		assertThat(file.status()).as(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		assertThat(file.contentType()).startsWith(contentType);
		assertThat(file.body()).isNotEmpty();
		assertThat(new String(file.body(), 0, magic.length(), StandardCharsets.ISO_8859_1)).isEqualTo(magic);
	}

	// ------------------------------------------------------------------------------------------------ the browser

	private void signIn() {
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(office.login());
		browser.findElement(By.id("password")).sendKeys(office.password());
		Pages.follow(browser, browser.findElement(By.id("sign-in")));
	}

	private void noSidewaysScrolling(String what) {
		for (Dimension size : List.of(DESK, PHONE)) {
			browser.manage().window().setSize(size);
			Number overflow = (Number) browser.executeScript(
					"return document.documentElement.scrollWidth - document.documentElement.clientWidth");
			assertThat(overflow.intValue()).as(what + " scrolls sideways at " + size).isLessThanOrEqualTo(0);
			// a table that scrolls inside its frame can be reached and scrolled from the keyboard
			new WebDriverWait(browser, Duration.ofSeconds(5)).until(b -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) b)
				.executeScript("return [...document.querySelectorAll('.table-wrap')]"
						+ ".every(w => (w.scrollWidth > w.clientWidth + 1) === (w.getAttribute('tabindex') === '0'))"));
		}
		browser.manage().window().setSize(DESK);
	}

	/** The top of the page at 1366×768; at 360×740 scrolled to {@code result}, where a person on a phone looks next. */
	private void screenshots(String name, String result) throws IOException {
		noSidewaysScrolling(name);
		Files.write(SCREENS.resolve(name + "-1366x768.png"), browser.getScreenshotAs(OutputType.BYTES));
		browser.manage().window().setSize(PHONE);
		Axe.assertAccessible(browser, name + " on a phone");
		browser.executeScript("document.getElementById(arguments[0]).scrollIntoView()", result);
		Files.write(SCREENS.resolve(name + "-360x740.png"), browser.getScreenshotAs(OutputType.BYTES));
		browser.executeScript("window.scrollTo(0, 0)");
		browser.manage().window().setSize(DESK);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	// ------------------------------------------------------------------------------------------------ the data

	/**
	 * October: 东风村 40 of 40 good, 红旗村 29 of 32, 新华村 5 of 6 (not enough data), 太平村 none. November: 东风村 10 of
	 * 10, 红旗村 30 of 35, 新华村 31 of 31. 东风村 and 新华村 are served by the 市场监管所 and its staff member, 红旗村 by the
	 * 社保所 and its own; the other township's 外乡村 has 35 ratings in October, 30 good.
	 */
	private Place ratedPlace() {
		String township = freeTownship();
		region(township, "排名测试镇");
		List<String> villageNames = List.of("东风村", "红旗村", "新华村", "太平村");
		List<String> villages = new ArrayList<>();
		for (int v = 0; v < villageNames.size(); v++) {
			villages.add(region(township.substring(0, 9) + String.format("%03d", v + 1), villageNames.get(v)));
		}
		String market = department(township, "市场监管所");
		String social = department(township, "社保所");
		String hall = institution(township, "排名测试便民服务中心");
		String marketStaff = staff(hall, window(hall, "综合窗口一"), market);
		String socialStaff = staff(hall, window(hall, "综合窗口二"), social);
		String marketItem = newItem(market);
		String socialItem = newItem(social);

		String other = freeTownship();
		region(other, "外乡镇");
		String otherVillage = region(other.substring(0, 9) + "001", "外乡村");
		String otherDepartment = department(other, "外乡局");
		String otherHall = institution(other, "外乡便民服务中心");
		String otherStaff = staff(otherHall, window(otherHall, "外乡窗口"), otherDepartment);

		Batch batch = new Batch();
		batch.rated(villages.get(0), market, marketItem, marketStaff, "2026-10", 40, 40);
		batch.rated(villages.get(1), social, socialItem, socialStaff, "2026-10", 32, 29);
		batch.rated(villages.get(2), market, marketItem, marketStaff, "2026-10", 6, 5);
		batch.rated(otherVillage, otherDepartment, newItem(otherDepartment), otherStaff, "2026-10", 35, 30);
		batch.rated(villages.get(0), market, marketItem, marketStaff, "2026-11", 10, 10);
		batch.rated(villages.get(1), social, socialItem, socialStaff, "2026-11", 35, 30);
		batch.rated(villages.get(2), market, marketItem, marketStaff, "2026-11", 31, 31);
		batch.send();
		return new Place(township, villageNames, List.of("市场监管所", "社保所"), List.of(marketStaff, socialStaff), other,
				List.of("外乡村", "外乡局", otherStaff));
	}

	/** The exchange records of the data set, sent in two arrays; waits for the bad reviews' work orders. */
	private final class Batch {

		private final List<Map<String, Object>> services = new ArrayList<>();
		private final List<Map<String, Object>> ratings = new ArrayList<>();
		private final List<String> bad = new ArrayList<>();

		void rated(String village, String department, String item, String staffNo, String month, int count, int good) {
			for (int i = 0; i < count; i++) {
				String projectNo = unique("RRB");
				OffsetDateTime at = OffsetDateTime.parse(month + "-02T09:00:00+08:00").plusDays(i % 10).plusMinutes(i);
				Map<String, Object> service = ExchangeBatches.service(serviceRecord(village, projectNo, 1), department, item,
						at);
				service.put("proManager", staffNo);
				services.add(service);
				int level = i < good ? 5 : 2;
				ratings.add(ExchangeBatches.rating(evaluationRecord(projectNo, level, ""), level, at.plusHours(1)));
				if (level < 3) {
					bad.add(projectNo);
				}
			}
		}

		void send() {
			ExchangeBatches.assertAccepted(admin.post("/api/exchange/v1/services", services), services.size());
			ExchangeBatches.assertAccepted(admin.post("/api/exchange/v1/evaluations", ratings), ratings.size());
			await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
					"select count(distinct case_no) from rct_order_rating where case_no in (:c)").param("c", bad)
				.query(Long.class).single() == bad.size());
			statistics.catchUp();
		}
	}

	private String region(String code, String name) {
		Http.Reply created = admin.post("/api/v1/catalog/regions", Map.of("code", code, "name", name));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return code;
	}

	private String department(String region, String name) {
		String code = newCreditCode();
		Http.Reply created = admin.post("/api/v1/catalog/departments",
				Map.of("code", code, "name", name, "regionCode", region));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return code;
	}

	private String institution(String region, String name) {
		String code = unique("INS");
		Http.Reply created = admin.post("/api/v1/catalog/institutions",
				Map.of("code", code, "name", name, "kind", "HALL", "regionCode", region));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return code;
	}

	private String window(String institution, String name) {
		String code = unique("WIN");
		Http.Reply created = admin.post("/api/v1/catalog/windows",
				Map.of("code", code, "name", name, "institutionCode", institution));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return code;
	}

	private String staff(String institution, String window, String department) {
		String staffNo = unique("STF");
		String id = "980101199001" + String.format("%05d", ThreadLocalRandom.current().nextInt(100000)) + "X";
		Http.Reply created = admin.post("/api/v1/catalog/staff", Map.of("staffNo", staffNo, "name", "王五", "idNumber", id,
				"mobile", randomMobile(), "institutionCode", institution, "windowCode", window, "departmentCode", department));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return staffNo;
	}
}
