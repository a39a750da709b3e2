package org.hcp.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;

/**
 * The one font of the PDFs: Noto Sans SC (SIL Open Font License 1.1), read from the class path
 * ({@code com.helger.font:ph-fonts-noto-sans-sc}) and embedded — as a subset of the glyphs used — into every PDF, so
 * Chinese prints on a machine without any CJK system font. Loaded once (about 10 MB), on first use.
 */
public final class CjkFont {

	/** Where the TrueType file lies on the class path. */
	public static final String RESOURCE = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";

	/** The font's PostScript name, as it appears (after the subset tag) in a PDF's font dictionary. */
	public static final String POSTSCRIPT_NAME = "NotoSansSC-Regular";

	private CjkFont() {
	}

	/** The embedded, Unicode-encoded base font; shared by every document (OpenPDF tracks used glyphs per writer). */
	public static BaseFont baseFont() {
		return Holder.FONT;
	}

	/** A font of this face at a size. */
	public static Font of(float size) {
		return new Font(baseFont(), size);
	}

	/** A font of this face at a size and style ({@link Font#BOLD} is drawn by stroking, the face has one weight here). */
	public static Font of(float size, int style) {
		return new Font(baseFont(), size, style);
	}

	private static final class Holder {

		static final BaseFont FONT = load();

		private static BaseFont load() {
			try (InputStream in = CjkFont.class.getClassLoader().getResourceAsStream(RESOURCE)) {
				if (in == null) {
					throw new IllegalStateException("The CJK font " + RESOURCE + " is not on the class path");
				}
				byte[] ttf = in.readAllBytes();
				return BaseFont.createFont("NotoSansSC-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, ttf,
						null);
			}
			catch (IOException e) {
				throw new UncheckedIOException("Cannot read the CJK font " + RESOURCE, e);
			}
		}
	}
}
