package org.hcp.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.util.encoders.Hex;
import org.hcp.shared.ChinaTime;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worked example of docs/interface-standard.md §5 is what the code produces: fixed key pairs, a fixed random k,
 * one evaluation record, its ciphertext, both kinds of sign and the whole envelope. A reader can reproduce every
 * value with any SM2 library. {@code -Dinterface.standard.write=true} writes the values into the document instead.
 */
class InterfaceStandardExampleTest {

	static final Path DOCUMENT = Path.of("docs/interface-standard.md");

	static final String RECEIVER_PRIVATE_KEY = "3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8";
	static final String SENDER_PRIVATE_KEY = "128b2fa8bd433c6c068c8d803dff79792a519a55171b1b650c23661d15897263";
	/** GM/T 0003.4's example k: the same for every encryption here, only so that the example can be reproduced. */
	static final String K = "59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21";
	static final String APP_MARK = "county330106";
	static final String SECRET = "s3cret-for-the-example";
	static final LocalDateTime TIME = LocalDateTime.of(2026, 11, 2, 10, 0, 5);
	static final String RECORD = """
			{"projectNo":"330106SCXK20261102001","serviceNumber":1,"pf":4,"satisfaction":1,"evalDetail":"211","writingEvaluation":"等候时间太长","assessTime":"2026-11-02 10:00:00","assessNumber":1,"userName":"张三","certKey":"110101199003074512","mobile":"13812345678","isDefault":false}""";

	@Test
	void the_documents_worked_example_is_what_the_code_produces() throws IOException {
		Map<String, String> expected = generate();
		String text = Files.readString(DOCUMENT);
		if (Boolean.getBoolean("interface.standard.write")) {
			Map<String, String> written = new LinkedHashMap<>(expected);
			String shown = blocks(text).get("signSign");
			if (shown != null && Sm2.verify(expected.get("senderPublicKey"), expected.get("signedText"), shown)) {
				written.remove("signSign");
			}
			Files.writeString(DOCUMENT, write(text, written));
			text = Files.readString(DOCUMENT);
		}
		Map<String, String> shown = blocks(text);
		expected.forEach((name, value) -> {
			if (name.equals("signSign")) {
				assertThat(shown).as("example block signSign").containsKey(name);
				assertThat(Sm2.verify(expected.get("senderPublicKey"), expected.get("signedText"), shown.get(name)))
					.as("the document's SM2_SIGN signature verifies with the sender's public key").isTrue();
			}
			else {
				assertThat(shown.get(name)).as("example block " + name + " (run with -Dinterface.standard.write=true)")
					.isEqualTo(value);
			}
		});
	}

	@Test
	void the_worked_example_opens_again_with_the_receivers_private_key() {
		Map<String, String> values = generate();
		assertThat(Sm2.decrypt(RECEIVER_PRIVATE_KEY, values.get("ciphertext"))).isEqualTo(values.get("plaintext"));
		var sealed = NationalEnvelope.parse(JsonMapper.builder().build().readTree(values.get("envelope")));
		assertThat(NationalEnvelope.signatureValid(sealed, SignMode.SM2_ENCRYPT, SECRET, List.of(),
				List.of(RECEIVER_PRIVATE_KEY))).isTrue();
		assertThat(NationalEnvelope.signatureValid(sealed, SignMode.SM2_ENCRYPT, "another secret", List.of(),
				List.of(RECEIVER_PRIVATE_KEY))).isFalse();
	}

	/** Every value of the example, by the name of its block in the document. */
	static Map<String, String> generate() {
		Map<String, String> v = new LinkedHashMap<>();
		String receiverPublic = Sm2.publicKeyOf(RECEIVER_PRIVATE_KEY);
		String senderPublic = Sm2.publicKeyOf(SENDER_PRIVATE_KEY);
		String time = NationalEnvelope.TIME.format(TIME);
		v.put("receiverPrivateKey", RECEIVER_PRIVATE_KEY);
		v.put("receiverPublicKey", receiverPublic);
		v.put("senderPrivateKey", SENDER_PRIVATE_KEY);
		v.put("senderPublicKey", senderPublic);
		v.put("k", K);
		v.put("plaintext", RECORD);
		v.put("plaintextHex", Hex.toHexString(RECORD.getBytes(StandardCharsets.UTF_8)));
		String ciphertext = Sm2.encrypt(receiverPublic, RECORD, fixedK());
		v.put("ciphertext", ciphertext);
		String signText = time + APP_MARK + SECRET;
		v.put("signText", signText);
		String signEncrypt = Sm2.encrypt(receiverPublic, signText, fixedK());
		v.put("signEncrypt", signEncrypt);
		NationalEnvelope.Sealed sealed = new NationalEnvelope.Sealed(APP_MARK, time, signEncrypt,
				Map.of(RecordKind.EVALUATE, List.of(ciphertext)));
		v.put("digest", sealed.digest());
		v.put("signedText", sealed.signedText());
		v.put("signSign", Sm2.sign(SENDER_PRIVATE_KEY, sealed.signedText()));
		v.put("envelope", JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
			.writeValueAsString(NationalEnvelope.envelope(sealed)).replace("\r\n", "\n"));
		assertThat(ChinaTime.ZONE.getId()).isEqualTo("Asia/Shanghai");
		return v;
	}

	/** A source of randomness that yields the example's k, whatever is asked of it. */
	static SecureRandom fixedK() {
		byte[] k = Hex.decode(K);
		return new SecureRandom() {
			@Override
			public void nextBytes(byte[] bytes) {
				for (int i = 0; i < bytes.length; i++) {
					bytes[i] = k[i % k.length];
				}
			}
		};
	}

	private static final Pattern BLOCK = Pattern.compile("<!-- example: (\\w+) -->\\n```\\w*\\n(.*?)\\n```", Pattern.DOTALL);

	/** The fenced blocks of the document that follow a {@code <!-- example: name -->} marker. */
	static Map<String, String> blocks(String text) {
		Map<String, String> found = new LinkedHashMap<>();
		Matcher m = BLOCK.matcher(text);
		while (m.find()) {
			found.put(m.group(1), m.group(2));
		}
		return found;
	}

	private static String write(String text, Map<String, String> values) {
		Matcher m = BLOCK.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String value = values.getOrDefault(m.group(1), m.group(2));
			String fence = m.group(0).substring(m.group(0).indexOf("```"), m.group(0).indexOf('\n', m.group(0).indexOf("```")));
			m.appendReplacement(out, Matcher.quoteReplacement("<!-- example: " + m.group(1) + " -->\n" + fence + "\n"
					+ value + "\n```"));
		}
		m.appendTail(out);
		return out.toString();
	}
}
