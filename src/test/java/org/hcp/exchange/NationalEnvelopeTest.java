package org.hcp.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hcp.shared.HcpException;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class NationalEnvelopeTest {

	private final Sm2.KeyPair sender = Sm2.generate();
	private final Sm2.KeyPair receiver = Sm2.generate();
	private final Instant at = Instant.parse("2026-11-21T01:30:00Z");

	@Test
	void an_SM2_ciphertext_is_C1C3C2_and_decrypts_only_with_the_receivers_key() {
		String c = Sm2.encrypt(receiver.publicKey(), "{\"projectNo\":\"P1\"}");
		assertThat(c).startsWith("04");
		// C1 (65 bytes) + C3 (32) + C2 (plaintext length)
		assertThat(c.length() / 2).isEqualTo(65 + 32 + "{\"projectNo\":\"P1\"}".length());
		assertThat(Sm2.decrypt(receiver.privateKey(), c)).isEqualTo("{\"projectNo\":\"P1\"}");
		assertThat(Sm2.decrypt(receiver.privateKey(), c.substring(2).toUpperCase())).isEqualTo("{\"projectNo\":\"P1\"}");
		assertThatThrownBy(() -> Sm2.decrypt(sender.privateKey(), c)).isInstanceOf(Sm2.Sm2Exception.class);
	}

	@Test
	void a_public_key_is_derived_from_its_private_key_and_never_printed_with_it() {
		assertThat(Sm2.publicKeyOf(sender.privateKey())).isEqualTo(sender.publicKey());
		assertThat(sender.publicKey()).hasSize(130).startsWith("04");
		assertThat(sender.toString()).doesNotContain(sender.privateKey());
		assertThat(Sm2.isPublicKey(sender.publicKey())).isTrue();
		assertThat(Sm2.isPublicKey("04" + "00".repeat(64))).isFalse();
	}

	@Test
	void a_vendor_style_sign_is_the_encrypted_time_appMark_and_secret() {
		ObjectNode body = NationalEnvelope.seal("county-1", "s3cret", SignMode.SM2_ENCRYPT, null, receiver.publicKey(), at,
				Map.of(RecordKind.EVALUATE, List.of("{\"a\":1}")));
		NationalEnvelope.Sealed sealed = NationalEnvelope.parse(body);
		assertThat(sealed.time()).isEqualTo("20261121093000");
		assertThat(Sm2.decrypt(receiver.privateKey(), sealed.sign())).isEqualTo("20261121093000county-1s3cret");
		assertThat(NationalEnvelope.signatureValid(sealed, SignMode.SM2_ENCRYPT, "s3cret", List.of(),
				List.of(sender.privateKey(), receiver.privateKey()))).isTrue();
		assertThat(NationalEnvelope.signatureValid(sealed, SignMode.SM2_ENCRYPT, "other", List.of(),
				List.of(receiver.privateKey()))).isFalse();
	}

	@Test
	void an_SM2_signature_covers_the_records_so_a_swapped_record_fails() {
		ObjectNode body = NationalEnvelope.seal("county-1", "s3cret", SignMode.SM2_SIGN, sender.privateKey(),
				receiver.publicKey(), at, Map.of(RecordKind.SERVICE, List.of("{\"s\":1}"), RecordKind.EVALUATE,
						List.of("{\"e\":1}", "{\"e\":2}")));
		NationalEnvelope.Sealed sealed = NationalEnvelope.parse(body);
		assertThat(NationalEnvelope.signatureValid(sealed, SignMode.SM2_SIGN, null, List.of(sender.publicKey()), List.of()))
				.isTrue();
		assertThat(NationalEnvelope.signatureValid(sealed, SignMode.SM2_SIGN, null, List.of(receiver.publicKey()), List.of()))
				.isFalse();
		((ObjectNode) body.get("txnBodyCom").get("params")).putArray("evaluate")
				.add(Sm2.encrypt(receiver.publicKey(), "{\"e\":3}"));
		NationalEnvelope.Sealed swapped = NationalEnvelope.parse(body);
		assertThat(NationalEnvelope.signatureValid(swapped, SignMode.SM2_SIGN, null, List.of(sender.publicKey()), List.of()))
				.isFalse();
		assertThat(swapped.records().keySet()).containsExactly(RecordKind.SERVICE, RecordKind.EVALUATE);
	}

	@Test
	void an_envelope_without_params_or_with_an_unknown_list_is_refused_naming_the_field() {
		ObjectNode body = NationalEnvelope.seal("c", "s", SignMode.SM2_ENCRYPT, null, receiver.publicKey(), at,
				Map.of(RecordKind.EVALUATE, List.of("{}")));
		((ObjectNode) body.get("txnBodyCom").get("params")).putArray("other").add("00");
		assertThatThrownBy(() -> NationalEnvelope.parse(body)).isInstanceOfSatisfying(HcpException.class,
				e -> assertThat(e.fields().get(0).field()).isEqualTo("params.other"));
		((ObjectNode) body.get("txnBodyCom")).remove("params");
		assertThatThrownBy(() -> NationalEnvelope.parse(body)).isInstanceOfSatisfying(HcpException.class,
				e -> assertThat(e.fields().get(0).field()).isEqualTo("params"));
		JsonNode time = ((ObjectNode) body.get("txnBodyCom")).put("time", "2026-11-21");
		assertThat(time).isNotNull();
	}

	@Test
	void a_time_that_is_not_yyyyMMddHHmmss_is_refused() {
		NationalEnvelope.Sealed s = new NationalEnvelope.Sealed("c", "20261131093000", "x", Map.of());
		assertThatThrownBy(() -> NationalEnvelope.timeOf(s)).isInstanceOf(HcpException.class);
		assertThat(NationalEnvelope.timeOf(new NationalEnvelope.Sealed("c", "20261121093000", "x", Map.of())))
				.isEqualTo(at);
	}
}
