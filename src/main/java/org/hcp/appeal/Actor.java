package org.hcp.appeal;

import org.hcp.security.Caller;
import org.hcp.security.Role;

/**
 * Who took a step of an appeal and in which role: a person (user id and login) or a system key, or the system itself
 * for scheduled work.
 */
record Actor(Long userId, Long keyId, String name, String role) {

	static final Actor SYSTEM = new Actor(null, null, "system", null);

	static Actor of(Caller caller, Role actingAs) {
		return new Actor(caller.userId(), caller.keyId(), caller.name(), actingAs.name());
	}
}
