package org.hcp.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

	@Test
	void cells_are_separated_by_commas_and_may_be_quoted() {
		List<CsvReader.Line> lines = CsvReader.read("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n");
		assertThat(lines).hasSize(2);
		assertThat(lines.get(1).cells()).containsExactly("1", "x, y", "say \"hi\"");
	}

	@Test
	void a_byte_order_mark_and_windows_line_ends_are_accepted() {
		byte[] body = "\uFEFFcode,name\r\n110000,北京市\r\n".getBytes(StandardCharsets.UTF_8);
		List<CsvReader.Line> lines = CsvReader.read(body);
		assertThat(lines.get(0).cells()).containsExactly("code", "name");
		assertThat(lines.get(1).cells()).containsExactly("110000", "北京市");
	}

	@Test
	void a_record_keeps_the_line_it_starts_on_and_blank_lines_are_skipped() {
		List<CsvReader.Line> lines = CsvReader.read("h1,h2\n\"two\nlines\",x\n\nlast,y");
		assertThat(lines).extracting(CsvReader.Line::number).containsExactly(1, 2, 5);
		assertThat(lines.get(1).cells()).containsExactly("two\nlines", "x");
		assertThat(lines.get(2).cells()).containsExactly("last", "y");
	}

	@Test
	void line_numbers_count_windows_line_ends_once() {
		List<CsvReader.Line> lines = CsvReader.read("h1,h2\r\n\r\n\"a\r\nb\",x\r\nc,d\r\n");
		assertThat(lines).extracting(CsvReader.Line::number).containsExactly(1, 3, 5);
	}

	@Test
	void empty_cells_are_kept() {
		assertThat(CsvReader.read("a,,c,\n").get(0).cells()).containsExactly("a", "", "c", "");
	}

	@Test
	void an_unclosed_quote_names_the_line() {
		assertThatThrownBy(() -> CsvReader.read("a,b\n\"open,x\n"))
			.isInstanceOfSatisfying(HcpException.class, e -> assertThat(e.fields().get(0).field()).isEqualTo("line 2"));
	}

	@Test
	void text_after_a_closing_quote_is_refused_naming_the_line() {
		assertThatThrownBy(() -> CsvReader.read("a,b\nc,d\n\"x\"y,z\n"))
			.isInstanceOfSatisfying(HcpException.class, e -> assertThat(e.fields().get(0).field()).isEqualTo("line 3"));
	}

	@Test
	void a_file_that_is_not_utf8_is_refused() {
		assertThatThrownBy(() -> CsvReader.read(new byte[] { 'a', (byte) 0xC3, ',' })).isInstanceOf(HcpException.class);
	}

	@Test
	void a_nul_character_is_refused_naming_the_line_and_field_not_stripped() {
		byte[] body = "code,name\n110000,北京\u0000市\n\u0000120000,天津市\n".getBytes(StandardCharsets.UTF_8);
		List<Fields> lines = CsvLines.read(body, Set.of("code", "name"));
		assertThat(CsvLines.problems(lines)).extracting(FieldProblem::field).containsExactly("line 2: name", "line 3: code");
	}
}
