package org.hcp.analytics;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Open data 公开数据 without a key: the public figures of a region for an ended quarter as JSON, and the same rows as
 * CSV (UTF-8 with a byte-order mark, so that Excel reads the Chinese names; suppressed cells empty).
 */
@RestController
@Tag(name = "public statistics 公开数据")
class PublicStatisticsController {

	static final String[] CSV_HEADER = { "kind", "code", "name", "evaluations", "good_rate", "active_rate",
			"valid_bad", "replied", "rectified", "rectify_rate", "status" };

	private final Disclosure disclosure;

	PublicStatisticsController(Disclosure disclosure) {
		this.disclosure = disclosure;
	}

	@GetMapping("/api/public/v1/statistics")
	@Operation(summary = "Public figures of a region (default: the first province) for an ended quarter (default: the "
			+ "last one): the region, its child regions and its departments; counts below the minimum are null with "
			+ "suppressed = true")
	DisclosureTable statistics(@RequestParam(required = false) String region,
			@RequestParam(required = false) String period) {
		return disclosure.table(region, period);
	}

	@GetMapping("/api/public/v1/statistics.csv")
	@Operation(summary = "The same rows as CSV (UTF-8 with BOM); suppressed cells are empty")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) String region,
			@RequestParam(required = false) String period) {
		DisclosureTable table = disclosure.table(region, period);
		String name = "statistics-" + table.region() + "-" + table.period() + ".csv";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(csv(table));
	}

	static byte[] csv(DisclosureTable table) {
		StringWriter out = new StringWriter();
		out.write('\uFEFF');
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).get())) {
			List<DisclosureTable.Row> rows = new ArrayList<>();
			rows.add(table.total());
			rows.addAll(table.regions());
			rows.addAll(table.departments());
			for (DisclosureTable.Row r : rows) {
				printer.printRecord(r.kind(), r.code(), r.name(), cell(r.evaluations()), cell(r.goodRate()),
						cell(r.activeRate()), cell(r.validBad()), cell(r.replied()), cell(r.rectified()),
						cell(r.rectifyRate()), r.status());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String cell(DisclosureTable.Count c) {
		return c.value() == null ? "" : c.value().toString();
	}

	private static String cell(DisclosureTable.Rate r) {
		return r.value() == null ? "" : r.value().toPlainString();
	}
}
