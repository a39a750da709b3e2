package org.hcp.rectification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.hcp.shared.ChinaTime;

/**
 * The ledger as an Office Open XML workbook (.xlsx, Apache POI, streamed): one sheet, a header row and one row per
 * order, every cell a string (so nothing a rater wrote can become a formula). Personal data is only ever the masked
 * mobile.
 */
final class LedgerWorkbook {

	static final List<String> HEADER = List.of("工单编号 Order", "来源 Source", "状态 State", "行政区划 Region",
			"责任单位 Department", "工作人员 Staff", "事项 Item", "评价等级 Level", "办件 Cases", "评价人手机 Rater mobile",
			"当前处理方 Holder", "开单时间 Opened", "时限 Deadline", "时限环节 Step", "剩余工作日 Working days left",
			"超期 Overdue", "暂停 Paused", "督办 Escalated", "超期次数 Times overdue", "过程 Timeline");

	private LedgerWorkbook() {
	}

	static byte[] write(List<LedgerEntry> rows, Map<Long, List<TimelineEntry>> timelines) {
		// streaming: only a window of rows is held in memory, the rest goes to a temporary file that dispose() removes
		SXSSFWorkbook book = new SXSSFWorkbook(200);
		try {
			Sheet sheet = book.createSheet("台账");
			CellStyle bold = book.createCellStyle();
			Font font = book.createFont();
			font.setBold(true);
			bold.setFont(font);
			row(sheet, 0, HEADER, bold);
			int r = 1;
			for (LedgerEntry e : rows) {
				row(sheet, r++, cells(e, timelines.getOrDefault(e.id(), List.of())), null);
			}
			sheet.createFreezePane(0, 1);
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			book.write(bytes);
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			book.dispose();
			try {
				book.close();
			}
			catch (IOException ignored) {
				// the bytes are written; nothing is left to release
			}
		}
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

	/** Every value is a string cell, so nothing a rater or handler wrote can become a formula. */
	private static void row(Sheet sheet, int r, List<String> values, CellStyle style) {
		Row row = sheet.createRow(r);
		for (int c = 0; c < values.size(); c++) {
			Cell cell = row.createCell(c, CellType.STRING);
			cell.setCellValue(cellText(values.get(c)));
			if (style != null) {
				cell.setCellStyle(style);
			}
		}
	}

	/**
	 * A cell's text: without the characters an .xlsx (XML 1.0) cannot carry, within a cell's 32,767 characters. POI
	 * escapes the rest.
	 */
	static String cellText(String text) {
		StringBuilder out = new StringBuilder(Math.min(text.length(), 32_000));
		text.codePoints()
			.filter(cp -> cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
					|| (cp >= 0x10000 && cp <= 0x10FFFF))
			.takeWhile(cp -> out.length() < 32_000)
			.forEach(out::appendCodePoint);
		return out.toString();
	}

	private static String time(Instant at) {
		return at == null ? "" : ChinaTime.format(at);
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}
}
