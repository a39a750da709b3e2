package org.hcp.doors;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.hcp.evaluation.EvaluatorTokenIssued;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each tablet shows next. A token issued for a registered, active device at the window where the service was
 * given is queued at once, in the request that issued it; the tablet takes the oldest unexpired one. A service nobody
 * rated within the idle time after it was first shown is dismissed, so the tablet never goes back to an old one.
 */
@Component
class DeviceQueue {

	private static final Logger log = LoggerFactory.getLogger(DeviceQueue.class);

	/** WAITING: not rated yet; DONE: rated (or found rated already); DISMISSED: shown and left unrated. */
	enum State {
		WAITING, DONE, DISMISSED
	}

	/** One queued service: the token the tablet rates with, and what it names. */
	record Queued(long id, String token, String caseNo, int serviceNo, Instant expiresAt) {
	}

	private final JdbcClient jdbc;
	private final DeviceRegistry devices;
	private final EvaluatorProperties properties;
	private final Clock clock;

	DeviceQueue(JdbcClient jdbc, DeviceRegistry devices, EvaluatorProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.devices = devices;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Queues an evaluator token for its device. Tokens for devices that are not registered or not active, or that
	 * stand at another window than the one where the service was given, are not queued: a tablet shows only the
	 * services of its own window.
	 */
	@EventListener
	void on(EvaluatorTokenIssued issued) {
		Optional<String> window = devices.activeWindow(issued.deviceId());
		if (window.isEmpty()) {
			log.info("Evaluator token for device {} not queued: no such active device", issued.deviceId());
			return;
		}
		if (issued.windowCode() != null && !issued.windowCode().equals(window.get())) {
			log.info("Evaluator token for device {} not queued: the service was given at another window",
					issued.deviceId());
			return;
		}
		jdbc.sql("""
				insert into door_device_queue (device_id, token, case_no, service_no, expires_at, created_at)
				values (:device, :token, :caseNo, :serviceNo, :expires, :now) on conflict do nothing""")
			.param("device", issued.deviceId())
			.param("token", issued.token())
			.param("caseNo", issued.caseNo())
			.param("serviceNo", issued.serviceNo())
			.param("expires", Timestamp.from(issued.expiresAt()))
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	/**
	 * The device's oldest waiting service that has not expired, marked as shown; services shown longer ago than the
	 * idle time are dismissed first.
	 */
	@Transactional
	Optional<Queued> next(String deviceId) {
		Instant now = clock.instant();
		jdbc.sql("""
				update door_device_queue set state = 'DISMISSED', closed_at = :now
				where device_id = :device and state = 'WAITING' and shown_at < :stale""")
			.param("now", Timestamp.from(now))
			.param("device", deviceId)
			.param("stale", Timestamp.from(now.minus(properties.idle())))
			.update();
		Optional<Queued> next = jdbc.sql("""
				select id, token, case_no, service_no, expires_at from door_device_queue
				where device_id = :device and state = 'WAITING' and expires_at > :now
				order by created_at, id limit 1 for update skip locked""")
			.param("device", deviceId)
			.param("now", Timestamp.from(now))
			.query((rs, i) -> new Queued(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getTimestamp(5).toInstant()))
			.optional();
		next.ifPresent(q -> jdbc.sql("update door_device_queue set shown_at = coalesce(shown_at, :now) where id = :id")
			.param("now", Timestamp.from(now))
			.param("id", q.id())
			.update());
		return next;
	}

	/** Whether this token was queued for this device (in any state): a device rates only its own services. */
	boolean holds(String deviceId, String token) {
		return jdbc.sql("select exists(select 1 from door_device_queue where device_id = :device and token = :token)")
			.param("device", deviceId)
			.param("token", token)
			.query(Boolean.class)
			.single();
	}

	/** The service was rated (now, or before): the tablet does not show it again. */
	void done(String deviceId, String token) {
		jdbc.sql("""
				update door_device_queue set state = 'DONE', closed_at = :now
				where device_id = :device and token = :token and state <> 'DONE'""")
			.param("now", Timestamp.from(clock.instant()))
			.param("device", deviceId)
			.param("token", token)
			.update();
	}

	/** The state of a device's queued token, for tests and the devices screen. */
	Optional<State> state(String deviceId, String token) {
		return jdbc.sql("select state from door_device_queue where device_id = :device and token = :token")
			.param("device", deviceId)
			.param("token", token)
			.query(String.class)
			.optional()
			.map(State::valueOf);
	}
}
