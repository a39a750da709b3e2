package org.hcp.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hcp.support.Http;
import org.hcp.support.People;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import tools.jackson.databind.JsonNode;

/**
 * The quarterly report 通报 (ADR 0028) of a township with two villages rated in 2026Q3 through the exchange: every
 * figure of the PDF and of the Excel workbook equals the statistics API's figure for the same region and quarter.
 */
class QuarterlyReportIT extends ServiceFixtures {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	record Place(String township, String department, String item) {
	}

	record Binary(int status, byte[] body, String contentType, String location) {
	}

	private static Place place;

	@Autowired
	Statistics statistics;

	private People people;

	@BeforeEach
	void data() {
		people = new People(port);
		if (place != null) {
			return;
		}
		String township = newTownship();
		String department = newDepartment(township);
		place = new Place(township, department, newItem(department));
		List<Map<String, Object>> services = new ArrayList<>();
		List<Map<String, Object>> ratings = new ArrayList<>();
		List<String> bad = new ArrayList<>();
		// village 1: 20 ratings, 5 of them bad; village 2: 10 ratings, 1 bad, and 2 completed cases nobody rated
		int[][] plan = { { 20, 5, 0 }, { 10, 1, 2 } };
		for (int v = 0; v < plan.length; v++) {
			String village = township.substring(0, 9) + String.format("%03d", v + 1);
			assertThat(admin.post("/api/v1/catalog/regions", Map.of("code", village, "name", "测试村" + (v + 1))).status())
				.isEqualTo(201);
			for (int i = 0; i < plan[v][0] + plan[v][2]; i++) {
				String projectNo = unique("QR");
				OffsetDateTime at = OffsetDateTime.parse("2026-07-01T09:00:00+08:00").plusDays(i * 3L);
				services.add(exchangeService(village, projectNo, at));
				if (i < plan[v][0]) {
					boolean isBad = i < plan[v][1];
					ratings.add(exchangeRating(projectNo, isBad ? 1 : 4 + i % 2, at.plusHours(2)));
					if (isBad) {
						bad.add(projectNo);
					}
				}
			}
		}
		ExchangeBatches.assertAccepted(admin.post("/api/exchange/v1/services", services), services.size());
		ExchangeBatches.assertAccepted(admin.post("/api/exchange/v1/evaluations", ratings), ratings.size());
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"select count(distinct case_no) from rct_order_rating where case_no in (:c)").param("c", bad)
			.query(Long.class).single() == bad.size());
		statistics.catchUp();
	}

	@Test
	void the_pdf_shows_every_summary_figure_as_the_statistics_api_does_in_chinese() throws IOException {
		JsonNode api = statisticsApi("/api/v1/statistics?key=" + place.township() + "&period=2026Q3");
		Binary pdf = get(null, "/api/v1/reports/" + place.township() + "/2026Q3.pdf");
		assertThat(pdf.status()).as(new String(pdf.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");
		String text = pdfText(pdf.body());
		assertThat(text).contains("测试镇", "好评率", "2026年第3季度", "未接入上级平台", "附表1", "附表2", "测试村1", "测试村2");
		List<String> lines = text.lines().map(String::strip).toList();
		for (JsonNode f : api.path("figures")) {
			Metric metric = Metric.valueOf(f.path("metric").asString());
			if (!Report.SUMMARY.contains(metric)) {
				continue;
			}
			String name = f.path("name").path("zh").asString();
			String value = metric.isRate() ? f.path("percent").asString() : Long.toString(f.path("value").asLong());
			assertThat(lines).as(metric + " in the summary of the PDF").anyMatch(l -> l.startsWith(name + " " + value));
			// definitions wrap over lines in the appendix
			assertThat(text.replaceAll("\\s", "")).as("the definition of " + metric)
				.contains(f.path("definition").path("zh").asString().replaceAll("\\s", ""));
		}
		for (JsonNode unit : statisticsApi("/api/v1/statistics/children?key=" + place.township() + "&period=2026Q3")
			.path("units")) {
			String row = unit.path("name").asString() + " " + figure(unit, Metric.EVALUATIONS).path("value").asLong() + " "
					+ figure(unit, Metric.GOOD_RATE).path("percent").asString();
			assertThat(lines).as("the township table's row " + row).anyMatch(l -> l.startsWith(row));
		}
		assertThat(figure(api, Metric.EVALUATIONS).path("value").asLong()).isEqualTo(30);
		assertThat(figure(api, Metric.BAD).path("value").asLong()).isEqualTo(6);
	}

	@Test
	void the_workbook_holds_the_figures_of_the_statistics_api_as_numbers() throws IOException {
		JsonNode api = statisticsApi("/api/v1/statistics?key=" + place.township() + "&period=2026Q3");
		Binary xlsx = get(null, "/api/v1/reports/" + place.township() + "/2026Q3.xlsx");
		assertThat(xlsx.status()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			Sheet summary = book.getSheet("汇总");
			Map<String, Row> byCode = new HashMap<>();
			summary.forEach(row -> {
				Cell code = row.getCell(4);
				if (code != null && code.getCellType() == CellType.STRING) {
					byCode.put(code.getStringCellValue(), row);
				}
			});
			for (Metric metric : Report.SUMMARY) {
				JsonNode f = figure(api, metric);
				Cell cell = byCode.get(metric.name()).getCell(1);
				if (!metric.isRate()) {
					assertThat(cell.getNumericCellValue()).as(metric.name()).isEqualTo((double) f.path("value").asLong());
				}
				else if (f.path("rate").isNumber()) {
					assertThat(cell.getNumericCellValue()).as(metric.name()).isEqualTo(f.path("rate").asDouble());
					assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("0.00%");
					assertThat(byCode.get(metric.name()).getCell(3).getNumericCellValue())
						.isEqualTo((double) f.path("denominator").asLong());
				}
				else {
					assertThat(cell.getStringCellValue()).as(metric.name()).isEqualTo("—");
				}
			}
			assertThat(byCode.get("UPLOADED").getCell(1).getStringCellValue()).isEqualTo("未接入上级平台");
			sameAsApi(book.getSheet("分乡镇（街道）"),
					statisticsApi("/api/v1/statistics/children?key=" + place.township() + "&period=2026Q3"));
			sameAsApi(book.getSheet("分部门"),
					statisticsApi("/api/v1/statistics/departments?key=" + place.township() + "&period=2026Q3"));
			assertThat(book.getSheet("指标口径").getPhysicalNumberOfRows()).isGreaterThan(Report.SUMMARY.size());
		}
	}

	@Test
	void a_background_export_runs_to_done_and_only_its_requester_downloads_it() throws IOException {
		People.Person office = people.office(place.township());
		Binary queued = send(office, "POST", "/api/v1/reports/" + place.township() + "/2026Q3/exports?format=xlsx");
		assertThat(queued.status()).as(new String(queued.body(), StandardCharsets.UTF_8)).isEqualTo(202);
		String location = queued.location();
		assertThat(location).startsWith("/api/v1/exports/");
		await().atMost(Duration.ofSeconds(30)).until(() -> Http.parse(new String(get(office, location).body(),
				StandardCharsets.UTF_8)).path("finishedAt").isString());
		JsonNode done = Http.parse(new String(get(office, location).body(), StandardCharsets.UTF_8));
		assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("DONE");
		assertThat(done.path("progress").asInt()).isEqualTo(100);
		Binary file = get(office, done.path("file").asString());
		assertThat(file.status()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
			assertThat(book.getSheet("汇总")).isNotNull();
		}
		People.Person colleague = people.office(place.township());
		assertThat(get(colleague, location).status()).isEqualTo(404);
		assertThat(get(colleague, location + "/file").status()).isEqualTo(404);
		assertThat(get(null, location).status()).as("an administrator may").isEqualTo(200);
	}

	@Test
	void the_offices_problems_and_requirements_are_kept_and_printed() throws IOException {
		People.Person office = people.office(place.township());
		Http.Reply saved = office.api().post("/api/v1/reports/" + place.township() + "/2026Q3/note",
				Map.of("problems", "部分窗口等候时间过长", "requirements", "各部门于10月底前完成整改"));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(saved.json().path("writtenBy").asString()).isEqualTo(office.login());
		String text = pdfText(get(office, "/api/v1/reports/" + place.township() + "/2026Q3.pdf").body());
		assertThat(text).contains("部分窗口等候时间过长", "各部门于10月底前完成整改");
		assertThat(jdbc.sql("select count(*) from ana_report_note where region_code = :r").param("r", place.township())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void a_region_outside_the_callers_scope_is_refused() {
		People.Person office = people.office(newTownship());
		assertThat(get(office, "/api/v1/reports/" + place.township() + "/2026Q3.pdf").status()).isEqualTo(403);
		assertThat(send(office, "POST", "/api/v1/reports/" + place.township() + "/2026Q3/exports?format=pdf").status())
			.isEqualTo(403);
		assertThat(get(people.hotline(place.township()), "/api/v1/reports/" + place.township() + "/2026Q3.pdf")
			.status()).isEqualTo(403);
	}

	@Test
	void a_bad_period_or_format_is_a_400() {
		String base = "/api/v1/reports/" + place.township() + "/";
		assertThat(admin.get(base + "2026Q5.pdf").errorFields()).containsExactly("period");
		assertThat(admin.get(base + "2026Q3.doc").errorFields()).containsExactly("format");
		assertThat(admin.get(base + "2026Q3").errorFields()).containsExactly("format");
		assertThat(admin.get(base + "2026-07-15.pdf").status()).isEqualTo(400);
		assertThat(admin.get(base + "2026-07-15.pdf").errorFields()).containsExactly("period");
		assertThat(admin.post(base + "2026Q3/exports?format=doc", Map.of()).status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/exports/not-a-uuid").status()).isEqualTo(404);
	}

	private void sameAsApi(Sheet sheet, JsonNode breakdown) {
		Map<String, Row> byKey = new HashMap<>();
		sheet.forEach(row -> {
			if (row.getRowNum() > 0) {
				byKey.put(row.getCell(0).getStringCellValue(), row);
			}
		});
		assertThat(byKey).hasSize(breakdown.path("units").size());
		for (JsonNode unit : breakdown.path("units")) {
			Row row = byKey.get(unit.path("subject").path("key").asString());
			assertThat(row).as(unit.path("subject").toString()).isNotNull();
			for (int i = 0; i < Report.TABLE.size(); i++) {
				JsonNode f = figure(unit, Report.TABLE.get(i));
				Cell cell = row.getCell(i + 2);
				if (cell.getCellType() == CellType.NUMERIC) {
					double expected = Report.TABLE.get(i).isRate() ? f.path("rate").asDouble() : f.path("value").asLong();
					assertThat(cell.getNumericCellValue()).as(Report.TABLE.get(i).name()).isEqualTo(expected);
				}
				else {
					assertThat(f.path("rate").isNull() || f.path("rate").isMissingNode()).isTrue();
				}
			}
		}
	}

	private JsonNode statisticsApi(String path) {
		Http.Reply reply = admin.get(path);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json();
	}

	private static JsonNode figure(JsonNode set, Metric metric) {
		for (JsonNode f : set.path("figures")) {
			if (f.path("metric").asString().equals(metric.name())) {
				return f;
			}
		}
		throw new AssertionError("no " + metric + " in " + set);
	}

	private static String pdfText(byte[] pdf) throws IOException {
		PdfReader reader = new PdfReader(pdf);
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		StringBuilder text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		return text.toString();
	}

	private Binary get(People.Person person, String path) {
		return send(person, "GET", path);
	}

	private Binary send(People.Person person, String method, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (person == null) {
			request.header("X-Api-Key", ADMIN_KEY);
		}
		else {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((person.login() + ":" + person.password()).getBytes(StandardCharsets.UTF_8)));
		}
		try {
			HttpResponse<byte[]> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Binary(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""),
					r.headers().firstValue("Location").orElse(null));
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private Map<String, Object> exchangeService(String region, String projectNo, OffsetDateTime at) {
		return ExchangeBatches.service(serviceRecord(region, projectNo, 1), place.department(), place.item(), at);
	}

	private static Map<String, Object> exchangeRating(String projectNo, int satisfaction, OffsetDateTime at) {
		return ExchangeBatches.rating(evaluationRecord(projectNo, satisfaction, ""), satisfaction, at);
	}
}
