package org.hcp.exchange;

import java.time.Duration;
import java.time.Instant;

/**
 * The request window (domain §11, ADR 0031): an envelope whose {@code time} is further than
 * {@code hcp.exchange.intake.window} from our clock, before or after, is refused as stale; exactly the window away is
 * still in time. Within the window a repeated signature is a replay ({@link ReplayGuard}); outside it the time alone
 * refuses the request, so seen signatures need be kept only for twice the window.
 */
record ReplayWindow(Duration window) {

	boolean inTime(Instant sent, Instant now) {
		return Duration.between(sent, now).abs().compareTo(window) <= 0;
	}

	/** Seen signatures older than this can be forgotten: a request that old is refused by its time. */
	Instant forgetBefore(Instant now) {
		return now.minus(window.multipliedBy(2));
	}
}
