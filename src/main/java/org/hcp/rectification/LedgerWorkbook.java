package org.hcp.rectification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.hcp.shared.ChinaTime;

/**
 * The ledger as an Office Open XML workbook (.xlsx): one sheet, a header row and one row per order, every cell an
 * inline string (so nothing a rater wrote can become a formula). Personal data is only ever the masked mobile.
 * Written directly as SpreadsheetML (the few parts a workbook needs), with no library.
 */
final class LedgerWorkbook {

	static final List<String> HEADER = List.of("工单编号 Order", "来源 Source", "状态 State", "行政区划 Region",
			"责任单位 Department", "工作人员 Staff", "事项 Item", "评价等级 Level", "办件 Cases", "评价人手机 Rater mobile",
			"当前处理方 Holder", "开单时间 Opened", "时限 Deadline", "时限环节 Step", "剩余工作日 Working days left",
			"超期 Overdue", "暂停 Paused", "督办 Escalated", "超期次数 Times overdue", "过程 Timeline");

	private LedgerWorkbook() {
	}

	static byte[] write(List<LedgerEntry> rows, Map<Long, List<TimelineEntry>> timelines) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			put(zip, "[Content_Types].xml", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
					<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
					<Default Extension="xml" ContentType="application/xml"/>
					<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
					<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
					<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
					</Types>""");
			put(zip, "_rels/.rels", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
					<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
					</Relationships>""");
			put(zip, "xl/workbook.xml", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
					<sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets>
					</workbook>""");
			put(zip, "xl/_rels/workbook.xml.rels", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
					<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
					<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
					</Relationships>""");
			put(zip, "xl/styles.xml", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
					<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
					<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
					<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
					<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
					<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>
					</styleSheet>""");
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			StringBuilder sheet = new StringBuilder(256 + rows.size() * 512);
			sheet.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
				.append("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
			row(sheet, 1, HEADER, true);
			int r = 2;
			for (LedgerEntry e : rows) {
				row(sheet, r++, cells(e, timelines.getOrDefault(e.id(), List.of())), false);
				if (sheet.length() > 1 << 20) {
					zip.write(sheet.toString().getBytes(StandardCharsets.UTF_8));
					sheet.setLength(0);
				}
			}
			sheet.append("</sheetData></worksheet>");
			zip.write(sheet.toString().getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	private static List<String> cells(LedgerEntry e, List<TimelineEntry> timeline) {
		StringBuilder steps = new StringBuilder();
		for (TimelineEntry t : timeline) {
			if (t.action().equals("reveal-mobile")) {
				continue;
			}
			steps.append(steps.isEmpty() ? "" : "\n").append(time(t.at())).append(' ').append(t.action()).append(' ')
				.append(t.actor()).append(t.reason() == null ? "" : "：" + t.reason());
		}
		return List.of(e.orderNo(), e.source().name(), e.state().name(), e.regionCode(), e.departmentCode(),
				text(e.staffNo()), text(e.itemCode()), e.level() == null ? "" : e.level().toString(),
				String.join(",", e.caseNos()), text(e.raterMobile()), e.holder(), time(e.openedAt()), time(e.deadline()),
				text(e.deadlineStep()), e.remainingWorkingDays() == null ? "" : e.remainingWorkingDays().toString(),
				e.overdue() ? "是" : "否", e.paused() ? "是" : "否", e.escalated() ? "是" : "否",
				Integer.toString(e.timesOverdue()), steps.toString());
	}

	private static void row(StringBuilder sheet, int r, List<String> values, boolean header) {
		sheet.append("<row r=\"").append(r).append("\">");
		for (int c = 0; c < values.size(); c++) {
			sheet.append("<c r=\"").append(column(c)).append(r).append("\" t=\"inlineStr\"")
				.append(header ? " s=\"1\"" : "").append("><is><t xml:space=\"preserve\">")
				.append(escape(values.get(c))).append("</t></is></c>");
		}
		sheet.append("</row>");
	}

	static String column(int index) {
		StringBuilder name = new StringBuilder();
		for (int i = index + 1; i > 0; i = (i - 1) / 26) {
			name.insert(0, (char) ('A' + (i - 1) % 26));
		}
		return name.toString();
	}

	/** XML text: escaped, without the characters XML 1.0 cannot carry, within a cell's 32,767 characters. */
	static String escape(String text) {
		StringBuilder out = new StringBuilder(Math.min(text.length(), 32_000) + 16);
		int[] codePoints = text.codePoints().toArray();
		for (int i = 0; i < codePoints.length && out.length() < 32_000; i++) {
			int cp = codePoints[i];
			switch (cp) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				default -> {
					if (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
							|| (cp >= 0x10000 && cp <= 0x10FFFF)) {
						out.appendCodePoint(cp);
					}
				}
			}
		}
		return out.toString();
	}

	private static String time(Instant at) {
		return at == null ? "" : ChinaTime.format(at);
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	private static void put(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}
}
