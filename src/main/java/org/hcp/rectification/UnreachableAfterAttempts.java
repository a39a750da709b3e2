package org.hcp.rectification;

import org.hcp.shared.HcpException;

/**
 * 回访无法联系 (domain §7): a rater counts as unreachable only after {@code attempts} recorded call attempts (3) in
 * the current round; before that the revisit must go on calling.
 */
record UnreachableAfterAttempts(int attempts) {

	void check(int recorded) {
		if (recorded < attempts) {
			throw HcpException.conflict("outcome", "TOO_FEW_ATTEMPTS",
					"仅记录了 " + recorded + " 次呼叫，至少 " + attempts + " 次未接通后才能记为无法联系",
					"Only " + recorded + " call attempts recorded; unreachable needs " + attempts);
		}
	}
}
