package org.hcp.doors;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads QR codes back, as a phone would: from the PNG's pixels, and from the SVG drawn into pixels. */
public final class QrDecoding {

	private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
	private static final Pattern SQUARE = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z");

	private QrDecoding() {
	}

	public static String png(byte[] png) {
		try {
			return decode(ImageIO.read(new ByteArrayInputStream(png)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Draws the SVG's unit squares at 6 px per module, then decodes the pixels. */
	public static String svg(String svg) {
		Matcher box = VIEW_BOX.matcher(svg);
		if (!box.find()) {
			throw new IllegalArgumentException("no viewBox in " + svg);
		}
		int n = Integer.parseInt(box.group(1));
		int scale = 6;
		BufferedImage image = new BufferedImage(n * scale, n * scale, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < n * scale; y++) {
			for (int x = 0; x < n * scale; x++) {
				image.setRGB(x, y, 0xFFFFFF);
			}
		}
		Matcher m = SQUARE.matcher(svg);
		while (m.find()) {
			int x0 = Integer.parseInt(m.group(1));
			int y0 = Integer.parseInt(m.group(2));
			int w = Integer.parseInt(m.group(3));
			for (int y = y0 * scale; y < (y0 + 1) * scale; y++) {
				for (int x = x0 * scale; x < (x0 + w) * scale; x++) {
					image.setRGB(x, y, 0x000000);
				}
			}
		}
		return decode(image);
	}

	private static String decode(BufferedImage image) {
		int w = image.getWidth();
		int h = image.getHeight();
		int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
		try {
			return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels))),
					Map.of(DecodeHintType.PURE_BARCODE, Boolean.FALSE, DecodeHintType.TRY_HARDER, Boolean.TRUE))
				.getText();
		}
		catch (Exception e) {
			throw new AssertionError("not a readable QR code: " + e, e);
		}
	}
}
