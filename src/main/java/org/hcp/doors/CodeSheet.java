package org.hcp.doors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.hcp.shared.CjkFont;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The printable A4 sheet of an institution's staff codes: two cards a row, each to be cut out and set at the window —
 * the hall's name, the window, the staff member's number (never their mobile or full name), the QR code and its
 * link. Chinese is drawn with the embedded {@link CjkFont}, so the sheet prints the same on any machine.
 */
final class CodeSheet {

	private static final float QR_SIZE = 150f;

	private CodeSheet() {
	}

	static byte[] pdf(String institutionName, List<StaffCodes.Card> cards) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 36, 36, 36, 36);
		PdfWriter.getInstance(document, out);
		document.addTitle(institutionName + " 服务评价二维码");
		document.addCreator("hcp");
		document.open();
		try {
			Paragraph title = new Paragraph(institutionName + " · 服务评价二维码（一码一账号）", CjkFont.of(14, Font.BOLD));
			title.setAlignment(Element.ALIGN_CENTER);
			title.setSpacingAfter(12);
			document.add(title);
			if (cards.isEmpty()) {
				document.add(new Paragraph("尚未生成任何工作人员二维码。No staff code has been issued yet.", CjkFont.of(11)));
			}
			else {
				PdfPTable table = new PdfPTable(2);
				table.setWidthPercentage(100);
				for (StaffCodes.Card card : cards) {
					table.addCell(card(card));
				}
				table.completeRow();
				document.add(table);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			document.close();
		}
		return out.toByteArray();
	}

	private static PdfPCell card(StaffCodes.Card card) throws IOException {
		PdfPCell cell = new PdfPCell();
		cell.setPadding(10);
		cell.setBorder(Rectangle.BOX);
		cell.setBorderWidth(0.5f);
		cell.addElement(centred(card.institutionName(), CjkFont.of(13, Font.BOLD)));
		cell.addElement(centred("窗口 Window：" + (card.windowName() == null ? "" : card.windowName() + " ")
				+ "（" + card.windowCode() + "）", CjkFont.of(11)));
		cell.addElement(centred("工号 Staff No.：" + card.staffNo(), CjkFont.of(11)));
		Image qr = Image.getInstance(QrImages.png(card.url()));
		qr.scaleAbsolute(QR_SIZE, QR_SIZE);
		qr.setAlignment(Image.ALIGN_CENTER);
		cell.addElement(qr);
		cell.addElement(centred("请扫码评价本窗口服务 · Scan to rate", CjkFont.of(10)));
		cell.addElement(centred(card.url(), CjkFont.of(7)));
		return cell;
	}

	private static Paragraph centred(String text, Font font) {
		Paragraph p = new Paragraph(text, font);
		p.setAlignment(Element.ALIGN_CENTER);
		return p;
	}
}
