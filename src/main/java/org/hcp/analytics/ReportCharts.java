package org.hcp.analytics;

import java.awt.Color;
import java.util.List;

import org.hcp.shared.CjkFont;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The report's charts, drawn as plain bars with {@link PdfContentByte} (no chart library): a title, one or two bars per
 * label scaled to the largest value, the value above each bar and the label below, in the embedded CJK font.
 */
final class ReportCharts {

	/** One bar group: its label and one value per series. */
	record Bar(String label, long... values) {
	}

	private static final Color[] SERIES = { new Color(0x2f, 0x6f, 0xb3), new Color(0xc0, 0x39, 0x2b) };
	private static final float WIDTH = 515;
	private static final float HEIGHT = 170;

	private ReportCharts() {
	}

	/** A chart as an image that flows with the document's text. */
	static Image bars(PdfWriter writer, String title, List<String> legend, List<Bar> bars) {
		PdfContentByte cb = writer.getDirectContent();
		PdfTemplate t = cb.createTemplate(WIDTH, HEIGHT);
		float left = 30;
		float bottom = 28;
		float top = HEIGHT - 30;
		text(t, title, 10, WIDTH / 2, HEIGHT - 14, Element.ALIGN_CENTER);
		for (int s = 0; s < legend.size(); s++) {
			t.setColorFill(SERIES[s]);
			t.rectangle(WIDTH - 120 + s * 60, HEIGHT - 16, 8, 8);
			t.fill();
			t.setColorFill(Color.BLACK);
			text(t, legend.get(s), 7, WIDTH - 108 + s * 60, HEIGHT - 15, Element.ALIGN_LEFT);
		}
		t.setLineWidth(0.5f);
		t.moveTo(left, bottom);
		t.lineTo(WIDTH - 5, bottom);
		t.stroke();
		long max = Math.max(1, bars.stream().flatMapToLong(b -> java.util.Arrays.stream(b.values())).max().orElse(1));
		float slot = bars.isEmpty() ? 0 : (WIDTH - left - 10) / bars.size();
		for (int i = 0; i < bars.size(); i++) {
			Bar bar = bars.get(i);
			float x = left + i * slot;
			float barWidth = Math.min(24, slot * 0.8f / Math.max(1, bar.values().length));
			for (int s = 0; s < bar.values().length; s++) {
				float h = (top - bottom) * bar.values()[s] / max;
				float bx = x + (slot - barWidth * bar.values().length) / 2 + s * barWidth;
				t.setColorFill(SERIES[s % SERIES.length]);
				t.rectangle(bx, bottom, barWidth - 1, h);
				t.fill();
				t.setColorFill(Color.BLACK);
				text(t, Long.toString(bar.values()[s]), 6, bx + barWidth / 2, bottom + h + 2, Element.ALIGN_CENTER);
			}
			text(t, shorten(bar.label(), slot), 6, x + slot / 2, bottom - 10, Element.ALIGN_CENTER);
		}
		try {
			return Image.getInstance(t);
		}
		catch (BadElementException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void text(PdfTemplate t, String text, float size, float x, float y, int align) {
		t.beginText();
		t.setFontAndSize(CjkFont.baseFont(), size);
		t.showTextAligned(align, text, x, y, 0);
		t.endText();
	}

	/** As many characters as fit under a bar (about 6 points each at this size). */
	private static String shorten(String label, float slot) {
		int fits = Math.max(2, (int) (slot / 6.5f));
		return label.length() <= fits ? label : label.substring(0, fits - 1) + "…";
	}
}
