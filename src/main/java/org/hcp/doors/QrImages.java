package org.hcp.doors;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes of a URL as PNG (drawn headless with java.awt, no ZXing javase) and SVG (one path, a rectangle per run of dark modules).
 * Error correction M (15 %) survives a worn or partly covered card; a quiet zone of 4 modules as the standard asks.
 */
public final class QrImages {

	/** Pixels per module of the PNG: 8 gives a ~300 px image for a short link, sharp when printed at 3 cm. */
	private static final int SCALE = 8;
	private static final int QUIET_ZONE = 4;

	private QrImages() {
	}

	/** The QR code of the text as a PNG. */
	public static byte[] png(String text) {
		BitMatrix m = matrix(text);
		int size = m.getWidth() * SCALE;
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				image.setRGB(x, y, m.get(x / SCALE, y / SCALE) ? 0xFF000000 : 0xFFFFFFFF);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** The QR code of the text as an SVG document, one module per user unit, scalable without loss. */
	public static String svg(String text) {
		BitMatrix m = matrix(text);
		int n = m.getWidth();
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < n; y++) {
			int x = 0;
			while (x < n) {
				if (!m.get(x, y)) {
					x++;
					continue;
				}
				int run = 1;
				while (x + run < n && m.get(x + run, y)) {
					run++;
				}
				// one rectangle per run of dark modules in a row: a third of the size of one square per module
				path.append('M').append(x).append(' ').append(y).append('h').append(run).append("v1h-").append(run).append('z');
				x += run;
			}
		}
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n + " "
				+ n + "\" width=\"" + n * SCALE + "\" height=\"" + n * SCALE + "\" shape-rendering=\"crispEdges\">"
				+ "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>\n";
	}

	/** The modules of the text's QR code, quiet zone included (true = dark). */
	static BitMatrix matrix(String text) {
		try {
			return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE,
							EncodeHintType.CHARACTER_SET, "UTF-8"));
		}
		catch (WriterException e) {
			throw new IllegalArgumentException("Cannot encode a QR code of " + text.length() + " characters", e);
		}
	}
}
