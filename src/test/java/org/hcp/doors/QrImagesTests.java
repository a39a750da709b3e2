package org.hcp.doors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QrImagesTests {

	private static final String URL = "https://hcp.example.gov.cn/q/Ab3_-xYz0123456789";

	@Test
	void a_png_code_reads_back_as_its_url() {
		byte[] png = QrImages.png(URL);
		assertThat(png).startsWith(0x89, 'P', 'N', 'G');
		assertThat(QrDecoding.png(png)).isEqualTo(URL);
	}

	@Test
	void an_svg_code_reads_back_as_its_url() {
		String svg = QrImages.svg(URL);
		assertThat(svg).contains("<svg xmlns=\"http://www.w3.org/2000/svg\"");
		assertThat(QrDecoding.svg(svg)).isEqualTo(URL);
	}

	@Test
	void png_and_svg_carry_the_same_modules_with_a_quiet_zone() {
		var m = QrImages.matrix(URL);
		for (int i = 0; i < 4; i++) {
			assertThat(m.get(i, i)).as("quiet zone").isFalse();
		}
		assertThat(QrImages.svg(URL)).contains("viewBox=\"0 0 " + m.getWidth() + " " + m.getWidth() + "\"");
	}
}
