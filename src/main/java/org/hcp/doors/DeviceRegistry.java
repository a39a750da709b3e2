package org.hcp.doors;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import org.hcp.catalog.Catalog;
import org.hcp.catalog.WindowView;
import org.hcp.privacy.PersonalData;
import org.hcp.privacy.Sm3;
import org.hcp.security.Caller;
import org.hcp.security.RegionScope;
import org.hcp.security.Role;
import org.hcp.shared.Bilingual;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hall's evaluator devices 评价器: registered, re-keyed and deactivated by an administrator or the service office
 * of the window's region; each holds a random secret of which only a keyed hash is stored. A tablet proves to be the
 * device by that secret ({@link #authenticate}); without it a device's queue stays closed.
 */
@Service
class DeviceRegistry {

	/** The hall's own id of a device, e.g. EVAL-0101. */
	private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
	private static final int SECRET_BYTES = 24;

	private final JdbcClient jdbc;
	private final Catalog catalog;
	private final Clock clock;
	private final byte[] key;
	private final SecureRandom random = new SecureRandom();

	DeviceRegistry(JdbcClient jdbc, Catalog catalog, PersonalData personal, Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.clock = clock;
		this.key = personal.derivedKey("hcp/evaluator-devices");
	}

	/** Registers a device at a window of the caller's region; the secret is in the answer, and only there. */
	@Transactional
	DeviceKey register(String deviceId, String windowCode) {
		mayManage();
		String id = checkedId(deviceId);
		if (windowCode == null || windowCode.isBlank()) {
			throw HcpException.invalid("windowCode", "REQUIRED", "窗口编码不能为空", "windowCode is required");
		}
		WindowView window = catalog.window(windowCode.trim()).orElseThrow(() -> HcpException.invalid("windowCode",
				"UNKNOWN_WINDOW", "窗口不存在：" + windowCode, "No window " + windowCode));
		RegionScope.current().require("windowCode", window.region());
		String secret = newSecret();
		int stored = jdbc.sql("""
				insert into door_device (device_id, window_code, institution_code, region_code, secret_hash,
				registered_by, registered_at) values (:id, :window, :institution, :region, :hash, :by, :at)
				on conflict do nothing""")
			.param("id", id)
			.param("window", window.code())
			.param("institution", window.institutionCode())
			.param("region", window.region().value())
			.param("hash", hash(secret))
			.param("by", who())
			.param("at", Timestamp.from(clock.instant()))
			.update();
		if (stored == 0) {
			throw HcpException.conflict("deviceId", "DEVICE_EXISTS", "评价器 " + id + " 已登记；如需更换密钥请重新生成",
					"Device " + id + " is registered already; re-key it instead");
		}
		return DeviceKey.of(find(id), secret);
	}

	/** A new secret for a device (lost tablet, new tablet): the old one stops working at once. */
	@Transactional
	DeviceKey rekey(String deviceId) {
		DeviceView device = managed(deviceId);
		String secret = newSecret();
		jdbc.sql("""
				update door_device set secret_hash = :hash, rekeyed_by = :by, rekeyed_at = :at, active = true,
				deactivated_by = null, deactivated_at = null where device_id = :id""")
			.param("hash", hash(secret))
			.param("by", who())
			.param("at", Timestamp.from(clock.instant()))
			.param("id", device.deviceId())
			.update();
		return DeviceKey.of(find(device.deviceId()), secret);
	}

	/** Takes a device out of service: its secret no longer opens anything and nothing more is queued for it. */
	@Transactional
	DeviceView deactivate(String deviceId) {
		DeviceView device = managed(deviceId);
		jdbc.sql("""
				update door_device set active = false, deactivated_by = :by, deactivated_at = :at
				where device_id = :id and active""")
			.param("by", who())
			.param("at", Timestamp.from(clock.instant()))
			.param("id", device.deviceId())
			.update();
		return find(device.deviceId());
	}

	/** The devices of the caller's region, by id. */
	List<DeviceView> list() {
		mayManage();
		String prefix = RegionScope.current().region().map(RegionCode::prefix).orElse("");
		return jdbc.sql("select * from door_device where region_code like :prefix order by device_id")
			.param("prefix", prefix + "%")
			.query(DeviceRegistry::view)
			.list();
	}

	/**
	 * The active device whose secret this is; 401 otherwise — the same answer for an unknown device, a wrong secret
	 * and a deactivated device, so a stranger learns nothing of which devices exist.
	 */
	DeviceView authenticate(String deviceId, String secret) {
		if (deviceId == null || secret == null || secret.isBlank() || !DEVICE_ID.matcher(deviceId).matches()
				|| secret.length() > 128) {
			throw notRegistered();
		}
		record Stored(DeviceView device, byte[] hash) {
		}
		Stored stored = jdbc.sql("select * from door_device where device_id = :id and active")
			.param("id", deviceId)
			.query((rs, i) -> new Stored(view(rs, i), rs.getBytes("secret_hash")))
			.optional()
			.orElseThrow(DeviceRegistry::notRegistered);
		if (!MessageDigest.isEqual(stored.hash(), hash(secret))) {
			throw notRegistered();
		}
		return stored.device();
	}

	/** An active device's window, for queueing; empty when the device is unknown or out of service. */
	java.util.Optional<String> activeWindow(String deviceId) {
		return jdbc.sql("select window_code from door_device where device_id = :id and active")
			.param("id", deviceId)
			.query(String.class)
			.optional();
	}

	/** Whether a device of this id was ever registered (active or not). */
	boolean exists(String deviceId) {
		return jdbc.sql("select exists(select 1 from door_device where device_id = :id)").param("id", deviceId)
			.query(Boolean.class).single();
	}

	private DeviceView managed(String deviceId) {
		mayManage();
		DeviceView device = jdbc.sql("select * from door_device where device_id = :id")
			.param("id", checkedId(deviceId))
			.query(DeviceRegistry::view)
			.optional()
			.orElseThrow(() -> unknown(deviceId));
		if (!RegionScope.current().covers(new RegionCode(device.regionCode()))) {
			throw unknown(deviceId); // another region's device is answered like one that does not exist
		}
		return device;
	}

	private DeviceView find(String id) {
		return jdbc.sql("select * from door_device where device_id = :id").param("id", id).query(DeviceRegistry::view)
			.single();
	}

	private static void mayManage() {
		Caller.requireAny(Role.OFFICE, Role.ADMIN);
	}

	private static String checkedId(String deviceId) {
		if (deviceId == null || deviceId.isBlank()) {
			throw HcpException.invalid("deviceId", "REQUIRED", "评价器编号不能为空", "deviceId is required");
		}
		String id = deviceId.trim();
		if (!DEVICE_ID.matcher(id).matches()) {
			throw HcpException.invalid("deviceId", "BAD_DEVICE_ID", "评价器编号须为 1–64 位字母、数字、“-”或“_”",
					"deviceId must be 1–64 letters, digits, '-' or '_'");
		}
		return id;
	}

	private String newSecret() {
		byte[] bytes = new byte[SECRET_BYTES];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private byte[] hash(String secret) {
		return Sm3.hmac(key, secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	private static String who() {
		return Caller.current().map(Caller::name).orElse("system");
	}

	private static DeviceView view(ResultSet rs, int row) throws SQLException {
		Timestamp rekeyed = rs.getTimestamp("rekeyed_at");
		return new DeviceView(rs.getString("device_id"), rs.getString("window_code"), rs.getString("institution_code"),
				rs.getString("region_code"), rs.getString("registered_by"), rs.getTimestamp("registered_at").toInstant(),
				rekeyed == null ? null : rekeyed.toInstant(), rs.getBoolean("active"));
	}

	private static HcpException unknown(String deviceId) {
		return HcpException.notFound("deviceId", "UNKNOWN_DEVICE", "没有找到评价器 " + deviceId, "No device " + deviceId);
	}

	static HcpException notRegistered() {
		Bilingual text = Bilingual.of("本设备未登记为评价器，或登记已失效", "This device is not registered as an evaluator");
		return new HcpException(HttpStatus.UNAUTHORIZED, "DEVICE_NOT_REGISTERED", text,
				List.of(FieldProblem.of("X-Device-Key", text.zh(), text.en())));
	}
}
