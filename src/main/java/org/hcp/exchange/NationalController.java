package org.hcp.exchange;

import java.time.Instant;

import org.hcp.shared.HcpException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * The national interface 国家标准接口 (ADR 0031): open at the security chain, authenticated by the envelope itself —
 * the sender's registered app id, its signature, the time window, and no replay.
 */
@RestController
@Tag(name = "exchange 数据交换")
class NationalController {

	private final NationalIntake intake;
	private final OwnKeys keys;
	private final ExchangeProperties properties;

	NationalController(NationalIntake intake, OwnKeys keys, ExchangeProperties properties) {
		this.intake = intake;
		this.keys = keys;
		this.properties = properties;
	}

	@PostMapping("/api/exchange/v1/national")
	@Operation(summary = "Push records in the national envelope 国家标准报文 (service, evaluate, rectification, appeal)")
	ResponseEntity<?> national(@RequestBody(required = false) JsonNode body) {
		return answer(intake, body);
	}

	/** The answer to an envelope, here and at the plain endpoints: per-record results, or the envelope's refusal. */
	static ResponseEntity<?> answer(NationalIntake intake, JsonNode body) {
		try {
			return NationalAnswer.of(intake.receive(body));
		}
		catch (HcpException e) {
			return NationalAnswer.refused(e);
		}
	}

	@GetMapping("/api/exchange/v1/public-key")
	@Operation(summary = "Our SM2 public key 本平台公钥, and the previous one during a rotation's overlap")
	PublicKey publicKey() {
		var previous = keys.previous();
		return new PublicKey(properties.appId(), "SM2", keys.current().publicKey(),
				previous.map(OwnKeys.OwnKeyView::publicKey).orElse(null),
				previous.map(OwnKeys.OwnKeyView::usableUntil).orElse(null));
	}

	/** Our public key for lower platforms; the previous one (and until when it still decrypts) during a rotation. */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record PublicKey(String appId, String algorithm, String publicKey, String previousPublicKey,
			Instant previousUsableUntil) {
	}
}
