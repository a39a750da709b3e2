package org.hcp.evaluation;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "integrity 防篡改")
class IntegrityController {

	private final Seals seals;

	IntegrityController(Seals seals) {
		this.seals = seals;
	}

	@GetMapping("/api/public/integrity/head")
	@Operation(summary = "The published head digest of the ratings' hash chain")
	Map<String, Object> head() {
		return seals.head().<Map<String, Object>>map(h -> Map.of("blockNo", h.blockNo(), "digest", h.digest(),
				"sealedAt", h.sealedAt().toString(), "ratingsSealed", h.ratingsSealed()))
			.orElse(Map.of("blockNo", 0, "ratingsSealed", 0));
	}

	@GetMapping("/api/v1/admin/integrity/verify")
	@Operation(summary = "Recompute every rating hash and block digest; report the first that no longer matches")
	Seals.Verification verify() {
		return seals.verify();
	}
}
