package org.hcp.analytics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The report as an Excel workbook (ADR 0028): a summary sheet (metric, value, numerator, denominator, metric code), a
 * sheet per department and per township, and the definitions. Counts are numbers, rates are numbers formatted as
 * percentages (a rate without denominator is the text "—"), so the office can compute with them.
 */
@Component
class ReportWorkbook {

	static final String SUMMARY = "汇总";
	static final String DEPARTMENTS = "分部门";
	static final String CHILDREN = "分乡镇（街道）";
	static final String DEFINITIONS = "指标口径";

	private final ReportLabels labels;

	ReportWorkbook(ReportLabels labels) {
		this.labels = labels;
	}

	byte[] render(Report report) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle percent = book.createCellStyle();
			percent.setDataFormat(book.createDataFormat().getFormat("0.00%"));
			summary(book.createSheet(SUMMARY), report, percent);
			table(book.createSheet(DEPARTMENTS), report.departments(), percent);
			table(book.createSheet(CHILDREN), report.children(), percent);
			definitions(book.createSheet(DEFINITIONS));
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void summary(Sheet sheet, Report report, CellStyle percent) {
		sheet.createRow(0).createCell(0).setCellValue(labels.title(report));
		sheet.createRow(1).createCell(0).setCellValue(labels.asOf(report));
		texts(sheet.createRow(3), labels.text("col.metric"), labels.text("col.value"), labels.text("col.numerator"),
				labels.text("col.denominator"), labels.text("col.code"));
		int r = 4;
		for (Metric m : Report.SUMMARY) {
			Figure f = report.figures().get(m);
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(labels.name(m));
			value(row, 1, f, percent);
			if (m.isRate()) {
				row.createCell(2).setCellValue(f.numerator());
				row.createCell(3).setCellValue(f.denominator());
			}
			row.createCell(4).setCellValue(m.name());
			if (m == Metric.EVALUATIONS) {
				Row uploaded = sheet.createRow(r++);
				if (report.uploaded() == null) {
					texts(uploaded, labels.text("uploaded"), labels.text("uploaded.none"), "", "", "UPLOADED");
				}
				else {
					uploaded.createCell(0).setCellValue(labels.text("uploaded"));
					uploaded.createCell(1).setCellValue(report.uploaded());
					uploaded.createCell(4).setCellValue("UPLOADED");
				}
			}
		}
		Row problems = sheet.createRow(++r);
		texts(problems, labels.text("section.problems"), report.note().problems());
		texts(sheet.createRow(++r), labels.text("section.requirements"), report.note().requirements());
		sheet.setColumnWidth(0, 32 * 256);
		sheet.setColumnWidth(1, 16 * 256);
	}

	private void table(Sheet sheet, List<FigureSet> rows, CellStyle percent) {
		Row head = sheet.createRow(0);
		head.createCell(0).setCellValue(labels.text("col.code"));
		head.createCell(1).setCellValue(labels.text("col.unit"));
		for (int i = 0; i < Report.TABLE.size(); i++) {
			head.createCell(i + 2).setCellValue(labels.name(Report.TABLE.get(i)));
		}
		int r = 1;
		for (FigureSet set : rows) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(set.subject().key());
			row.createCell(1).setCellValue(set.subjectName());
			for (int i = 0; i < Report.TABLE.size(); i++) {
				value(row, i + 2, set.get(Report.TABLE.get(i)), percent);
			}
		}
		sheet.setColumnWidth(1, 30 * 256);
	}

	private void definitions(Sheet sheet) {
		texts(sheet.createRow(0), labels.text("col.code"), labels.text("col.metric"), labels.text("col.definition"));
		int r = 1;
		for (Metric m : ReportPdf.metricsShown()) {
			texts(sheet.createRow(r++), m.name(), labels.name(m), labels.definition(m));
		}
		sheet.setColumnWidth(2, 100 * 256);
	}

	private static void value(Row row, int column, Figure f, CellStyle percent) {
		if (!f.metric().isRate()) {
			row.createCell(column).setCellValue(f.value());
		}
		else if (f.rate().isPresent()) {
			var cell = row.createCell(column);
			cell.setCellValue(f.rate().get().doubleValue());
			cell.setCellStyle(percent);
		}
		else {
			row.createCell(column).setCellValue(f.percent());
		}
	}

	private static void texts(Row row, String... texts) {
		for (int i = 0; i < texts.length; i++) {
			row.createCell(i).setCellValue(texts[i]);
		}
	}
}
