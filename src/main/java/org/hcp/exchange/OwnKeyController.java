package org.hcp.exchange;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Our key pairs for administrators: their public keys and states, and the rotation. Never a private key. */
@RestController
@Tag(name = "exchange 数据交换")
class OwnKeyController {

	private final OwnKeys keys;

	OwnKeyController(OwnKeys keys) {
		this.keys = keys;
	}

	@GetMapping("/api/v1/admin/exchange/keys")
	@Operation(summary = "Our SM2 key pairs: public key, origin, state (CURRENT, OVERLAP, RETIRED), who and when")
	List<OwnKeys.OwnKeyView> list() {
		return keys.views();
	}

	@PostMapping("/api/v1/admin/exchange/keys/rotate")
	@Operation(summary = "Make a new key pair current; the old one still decrypts until the overlap ends")
	OwnKeys.OwnKeyView rotate() {
		return keys.rotate();
	}
}
