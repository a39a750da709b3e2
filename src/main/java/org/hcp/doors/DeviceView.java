package org.hcp.doors;

import java.time.Instant;

/** A registered evaluator device as lists show it; its secret is never shown again after it is issued. */
record DeviceView(String deviceId, String windowCode, String institutionCode, String regionCode, String registeredBy,
		Instant registeredAt, Instant rekeyedAt, boolean active) {
}
