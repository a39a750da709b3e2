package org.hcp.exchange;

import java.time.Clock;
import java.util.List;

import org.hcp.shared.HcpException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** The peer registry for administrators; answers carry {@code hasSecret}, never the secret. */
@RestController
@Tag(name = "exchange 数据交换")
class PeerController {

	private final Peers peers;
	private final Clock clock;

	PeerController(Peers peers, Clock clock) {
		this.peers = peers;
		this.clock = clock;
	}

	@GetMapping("/api/v1/admin/exchange/peers")
	@Operation(summary = "The registered peer platforms 对接平台")
	List<Peer.PeerView> list() {
		return peers.all().stream().map(p -> p.view(clock.instant())).toList();
	}

	@PostMapping("/api/v1/admin/exchange/peers")
	@Operation(summary = "Register a peer platform: app id, secret, SM2 public key, direction, region, sign mode")
	ResponseEntity<Peer.PeerView> register(@RequestBody(required = false) JsonNode body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(peers.register(PeerDraft.of(body)).view(clock.instant()));
	}

	@GetMapping("/api/v1/admin/exchange/peers/{appId}")
	@Operation(summary = "One peer platform")
	Peer.PeerView one(@PathVariable String appId) {
		return peers.find(appId).orElseThrow(PeerController::unknown).view(clock.instant());
	}

	@PutMapping("/api/v1/admin/exchange/peers/{appId}")
	@Operation(summary = "Change a peer platform; without a secret the stored one is kept")
	Peer.PeerView update(@PathVariable String appId, @RequestBody(required = false) JsonNode body) {
		return peers.update(appId, PeerDraft.of(body)).view(clock.instant());
	}

	private static HcpException unknown() {
		return HcpException.notFound("appId", "UNKNOWN_PEER", "没有该应用标识的对接平台", "No peer with this app id");
	}
}
