package org.hcp.analytics;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.hcp.shared.CjkFont;
import org.springframework.stereotype.Component;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The report as the district publishes it (ADR 0028): title, the summary with each figure's metric, the office's
 * problems and requirements, the last places, charts (trend, level distribution, per township), the two attached
 * tables (per department, per township) and the definitions appendix. Chinese in the embedded {@link CjkFont}.
 */
@Component
class ReportPdf {

	private final ReportLabels labels;

	ReportPdf(ReportLabels labels) {
		this.labels = labels;
	}

	byte[] render(Report report) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
		PdfWriter writer = PdfWriter.getInstance(doc, out);
		doc.addTitle(labels.title(report));
		doc.addCreator("hcp");
		doc.open();
		Paragraph title = new Paragraph(labels.title(report), CjkFont.of(16, Font.BOLD));
		title.setAlignment(Element.ALIGN_CENTER);
		doc.add(title);
		Paragraph asOf = new Paragraph(labels.asOf(report), CjkFont.of(9));
		asOf.setAlignment(Element.ALIGN_CENTER);
		asOf.setSpacingAfter(10);
		doc.add(asOf);

		heading(doc, labels.text("section.summary"));
		doc.add(summary(report));
		heading(doc, labels.text("section.problems"));
		doc.add(body(orNone(report.note().problems())));
		heading(doc, labels.text("section.requirements"));
		doc.add(body(orNone(report.note().requirements())));
		heading(doc, labels.text("section.lastPlaces"));
		doc.add(body(lastPlaces(report)));

		heading(doc, labels.text("section.charts"));
		doc.add(ReportCharts.bars(writer, labels.text("chart.trend"),
				List.of(labels.name(Metric.EVALUATIONS), labels.name(Metric.BAD)),
				report.trend().stream().map(p -> new ReportCharts.Bar(step(report, p), p.evaluations(), p.bad())).toList()));
		doc.add(ReportCharts.bars(writer, labels.text("chart.levels"), List.of(labels.name(Metric.EVALUATIONS)),
				Report.LEVELS.stream().map(m -> new ReportCharts.Bar(labels.name(m), report.figures().count(m))).toList()));
		doc.add(ReportCharts.bars(writer, labels.text("chart.children"), List.of(labels.name(Metric.EVALUATIONS)),
				report.children().stream().map(c -> new ReportCharts.Bar(c.subjectName(), c.count(Metric.EVALUATIONS)))
					.toList()));

		doc.newPage();
		heading(doc, labels.text("table.departments"));
		doc.add(table(report.departments()));
		heading(doc, labels.text("table.children"));
		doc.add(table(report.children()));
		heading(doc, labels.text("section.definitions"));
		for (Metric m : metricsShown()) {
			doc.add(body(labels.name(m) + "（" + m.name() + "）：" + labels.definition(m)));
		}
		doc.close();
		return out.toByteArray();
	}

	/** Every metric the report shows, each defined once in the appendix. */
	static Set<Metric> metricsShown() {
		Set<Metric> shown = new LinkedHashSet<>(Report.SUMMARY);
		shown.addAll(Report.TABLE);
		shown.addAll(Report.LEVELS);
		return shown;
	}

	private PdfPTable summary(Report report) {
		PdfPTable table = new PdfPTable(new float[] { 4, 2, 4 });
		table.setWidthPercentage(100);
		header(table, labels.text("col.metric"), labels.text("col.value"), labels.text("col.formula"));
		for (Metric m : Report.SUMMARY) {
			Figure f = report.figures().get(m);
			cell(table, labels.name(m));
			cell(table, ReportLabels.value(f));
			cell(table, m.isRate() ? labels.name(m.numerator()) + " " + f.numerator() + " ÷ " + labels.name(m.denominator())
					+ " " + f.denominator() : m.name());
			if (m == Metric.EVALUATIONS) {
				cell(table, labels.text("uploaded"));
				cell(table, report.uploaded() == null ? labels.text("uploaded.none") : report.uploaded().toString());
				cell(table, report.uploaded() == null ? labels.text("uploaded.why") : "UPLOADED");
			}
		}
		return table;
	}

	private PdfPTable table(List<FigureSet> rows) {
		float[] widths = new float[Report.TABLE.size() + 1];
		widths[0] = 3;
		for (int i = 1; i < widths.length; i++) {
			widths[i] = 1.3f;
		}
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		List<String> head = new ArrayList<>();
		head.add(labels.text("col.unit"));
		Report.TABLE.forEach(m -> head.add(labels.name(m)));
		header(table, head.toArray(String[]::new));
		for (FigureSet row : rows) {
			cell(table, row.subjectName());
			for (Metric m : Report.TABLE) {
				cell(table, ReportLabels.value(row.get(m)));
			}
		}
		if (rows.isEmpty()) {
			PdfPCell none = new PdfPCell(new Phrase(labels.text("table.none"), CjkFont.of(8)));
			none.setColspan(widths.length);
			table.addCell(none);
		}
		return table;
	}

	private String lastPlaces(Report report) {
		if (report.lastPlaces().isEmpty()) {
			return labels.text("lastPlaces.none");
		}
		List<String> lines = new ArrayList<>();
		for (LastPlace l : report.lastPlaces()) {
			lines.add(labels.text("lastPlaces.item", labels.text("kind." + l.kind()), l.key(), l.institutionName(),
					l.month().toString()));
		}
		return String.join("\n", lines);
	}

	private String step(Report report, TrendPoint p) {
		return report.period().grain() == Grain.MONTH ? Integer.toString(p.from().getDayOfMonth())
				: labels.text("chart.month", p.from().getMonthValue());
	}

	private String orNone(String text) {
		return text == null || text.isBlank() ? labels.text("note.none") : text;
	}

	private static void heading(Document doc, String text) {
		Paragraph p = new Paragraph(text, CjkFont.of(12, Font.BOLD));
		p.setSpacingBefore(10);
		p.setSpacingAfter(4);
		doc.add(p);
	}

	private static Paragraph body(String text) {
		Paragraph p = new Paragraph(text, CjkFont.of(9));
		p.setLeading(14);
		return p;
	}

	private static void header(PdfPTable table, String... texts) {
		for (String t : texts) {
			PdfPCell c = new PdfPCell(new Phrase(t, CjkFont.of(8, Font.BOLD)));
			c.setGrayFill(0.9f);
			table.addCell(c);
		}
	}

	private static void cell(PdfPTable table, String text) {
		table.addCell(new PdfPCell(new Phrase(text, CjkFont.of(8))));
	}
}
