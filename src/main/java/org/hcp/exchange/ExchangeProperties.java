package org.hcp.exchange;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The numbers and identity of the exchange with other platforms (domain §11); every value is set in
 * {@code application.yml} (nested defaults in annotations do not bind here).
 *
 * @param appId our own app id 应用标识 ({@code appMark}) towards an upper platform, unless the peer row names another
 * @param keys our own SM2 key pair: configured (hex), or generated once and kept encrypted in the database
 * @param intake the receiving side: how old a request may be, and how many records one envelope may hold
 * @param push the sending side: batching, retries, what counts as stuck, and when health turns DEGRADED
 */
@ConfigurationProperties("hcp.exchange")
record ExchangeProperties(String appId, Keys keys, Intake intake, Push push) {

	/**
	 * @param privateKey our SM2 private key (64 hex digits) from configuration; empty: generated once and stored
	 * @param overlap how long a replaced key pair still decrypts and verifies after a rotation
	 */
	record Keys(String privateKey, Duration overlap) {

		@Override
		public String toString() {
			return "Keys[privateKey=" + (privateKey == null || privateKey.isBlank() ? "(generated)" : "(configured)")
					+ ", overlap=" + overlap + "]";
		}
	}

	/**
	 * @param window a request whose {@code time} is further than this from our clock is refused, and a repeated
	 *        signature within it is a replay
	 */
	record Intake(Duration window) {
	}

	/**
	 * @param enabled whether the worker pushes at all (facts are queued in the outbox either way once an upper
	 *        platform is registered)
	 * @param every pause between two pushes when nothing is waiting
	 * @param batch records per envelope
	 * @param timeout connect and read time-out of one push
	 * @param backoffMax the longest pause between two attempts of a failed record (the pause doubles from one second)
	 * @param stuckAfter a record unsent for this long is re-sent by the scheduled 补报 job regardless of its backoff
	 * @param backlogLimit health turns DEGRADED when the oldest unsent record is older than this
	 * @param catchUpAfter a full batch whose oldest record was queued less than this long ago waits, so that a burst
	 *        of ratings is not slowed by its own push; a batch that is not full goes at once, an older backlog batch
	 *        after batch (zero: never wait; ADR 0035)
	 */
	record Push(boolean enabled, Duration every, int batch, Duration timeout, Duration backoffMax, Duration stuckAfter,
			Duration backlogLimit, Duration catchUpAfter) {
	}
}
