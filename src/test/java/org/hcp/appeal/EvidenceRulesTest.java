package org.hcp.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import org.hcp.shared.FileType;
import org.hcp.shared.HcpException;
import org.junit.jupiter.api.Test;

/** The evidence rule of an appeal: images or PDF recognised by content, a size limit and a count limit. */
class EvidenceRulesTest {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 };
	static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16 };
	static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);

	final EvidenceRules rules = new EvidenceRules(3, 1024);

	@Test
	void png_jpeg_and_pdf_are_recognised_by_their_first_bytes_whatever_their_names() {
		List<EvidenceRules.CheckedFile> files = rules.check(List.of(new NewAppeal.Attachment("a.pdf", PNG),
				new NewAppeal.Attachment("b.png", JPEG), new NewAppeal.Attachment("c.jpg", PDF)));
		assertThat(files).extracting(EvidenceRules.CheckedFile::contentType)
			.containsExactly("image/png", "image/jpeg", "application/pdf");
		assertThat(files.get(0).digest()).hasSize(32);
	}

	@Test
	void a_file_of_another_type_is_refused_naming_the_file_even_with_an_image_name() {
		byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> rules.check(List.of(new NewAppeal.Attachment("ok.png", PNG),
				new NewAppeal.Attachment("photo.png", script))))
			.isInstanceOfSatisfying(HcpException.class, e -> {
				assertThat(e.code()).isEqualTo("ATTACHMENT_TYPE");
				assertThat(e.status().value()).isEqualTo(422);
				assertThat(e.fields().get(0).field()).isEqualTo("attachments[1]");
			});
	}

	@Test
	void a_file_larger_than_the_limit_is_refused_and_one_at_the_limit_is_taken() {
		byte[] atLimit = new byte[1024];
		System.arraycopy(PDF, 0, atLimit, 0, PDF.length);
		assertThat(rules.check(List.of(new NewAppeal.Attachment("x.pdf", atLimit)))).hasSize(1);
		byte[] over = new byte[1025];
		System.arraycopy(PDF, 0, over, 0, PDF.length);
		assertThatThrownBy(() -> rules.check(List.of(new NewAppeal.Attachment("x.pdf", over))))
			.isInstanceOfSatisfying(HcpException.class, e -> assertThat(e.code()).isEqualTo("ATTACHMENT_TOO_LARGE"));
	}

	@Test
	void an_empty_file_is_refused() {
		assertThatThrownBy(() -> rules.check(List.of(new NewAppeal.Attachment("x.pdf", new byte[0]))))
			.isInstanceOfSatisfying(HcpException.class, e -> assertThat(e.code()).isEqualTo("EMPTY_ATTACHMENT"));
	}

	@Test
	void more_files_than_the_limit_are_refused() {
		List<NewAppeal.Attachment> four = Collections.nCopies(4, new NewAppeal.Attachment("x.png", PNG));
		assertThatThrownBy(() -> rules.check(four))
			.isInstanceOfSatisfying(HcpException.class, e -> assertThat(e.code()).isEqualTo("TOO_MANY_ATTACHMENTS"));
	}

	@Test
	void a_file_name_keeps_only_its_last_segment_without_control_characters() {
		assertThat(EvidenceRules.name("C:\\Users\\x\\..\\现场照片.png", 0, FileType.PNG)).isEqualTo("现场照片.png");
		assertThat(EvidenceRules.name("../../etc/passwd\u0000\n", 0, FileType.PDF)).isEqualTo("passwd");
		assertThat(EvidenceRules.name("..", 1, FileType.PDF)).isEqualTo("evidence-2.pdf");
		assertThat(EvidenceRules.name(null, 0, FileType.JPEG)).isEqualTo("evidence-1.jpg");
		assertThat(EvidenceRules.name("x".repeat(500), 0, FileType.JPEG)).hasSize(200);
	}
}
