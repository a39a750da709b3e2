package org.hcp.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A registered peer platform 对接平台 with its secret in clear: for this package's signature checks and pushes only.
 * Its {@code toString} hides the secret.
 *
 * @param previousPublicKey the peer's public key before its last change, still accepted until {@code previousKeyUntil}
 * @param ourAppId for an UPPER peer: the app id it issued us (null: {@code hcp.exchange.app-id})
 */
record Peer(String appId, String name, PeerDirection direction, String regionCode, String publicKey,
		String previousPublicKey, Instant previousKeyUntil, String secret, SignMode signMode, String endpoint,
		String ourAppId, boolean enabled, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

	/** The public keys that verify this peer's signatures at a moment: the current one, and the previous in overlap. */
	List<String> publicKeysAt(Instant now) {
		List<String> keys = new ArrayList<>(List.of(publicKey));
		if (previousPublicKey != null && previousKeyUntil != null && previousKeyUntil.isAfter(now)) {
			keys.add(previousPublicKey);
		}
		return keys;
	}

	/** What an administrator sees: everything but the secret. */
	PeerView view(Instant now) {
		boolean previousUsable = previousPublicKey != null && previousKeyUntil != null && previousKeyUntil.isAfter(now);
		return new PeerView(appId, name, direction, regionCode, publicKey, previousUsable ? previousPublicKey : null,
				previousUsable ? previousKeyUntil : null, secret != null && !secret.isEmpty(), signMode, endpoint,
				ourAppId, enabled, createdAt, createdBy, updatedAt, updatedBy);
	}

	@Override
	public String toString() {
		return "Peer[appId=" + appId + ", direction=" + direction + ", regionCode=" + regionCode + ", signMode="
				+ signMode + ", enabled=" + enabled + ", secret=(hidden)]";
	}

	/** A peer as the admin API and screen show it: {@code hasSecret}, never the secret. */
	record PeerView(String appId, String name, PeerDirection direction, String regionCode, String publicKey,
			String previousPublicKey, Instant previousKeyUntil, boolean hasSecret, SignMode signMode, String endpoint,
			String ourAppId, boolean enabled, Instant createdAt, String createdBy, Instant updatedAt,
			String updatedBy) {
	}
}
