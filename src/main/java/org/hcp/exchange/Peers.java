package org.hcp.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hcp.catalog.Catalog;
import org.hcp.privacy.PersonalData;
import org.hcp.security.Caller;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The peer registry 对接平台 (ADR 0031): lower platforms that push to us, the one upper platform we push to. An
 * administrator registers them; the secret is write-only and stored encrypted; a changed public key keeps the old one
 * as previous for {@code hcp.exchange.keys.overlap}, so that a peer can rotate without a gap. At most one enabled
 * upper platform: the database's partial unique index decides, this class turns its refusal into a 409.
 */
@Service
class Peers {

	private static final String COLUMNS = """
			app_id, name, direction, region_code, public_key, previous_public_key, previous_key_until, secret_enc,
			sign_mode, endpoint, our_app_id, enabled, created_at, created_by, updated_at, updated_by""";

	private final JdbcClient jdbc;
	private final PersonalData personalData;
	private final Catalog catalog;
	private final ExchangeProperties properties;
	private final Clock clock;

	Peers(JdbcClient jdbc, PersonalData personalData, Catalog catalog, ExchangeProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.catalog = catalog;
		this.properties = properties;
		this.clock = clock;
	}

	Optional<Peer> find(String appId) {
		if (appId == null) {
			return Optional.empty();
		}
		return jdbc.sql("select " + COLUMNS + " from xch_peer where app_id = :id").param("id", appId)
			.query(this::peer).optional();
	}

	/** The enabled lower platform with this app id: who may push to us. */
	Optional<Peer> enabledLower(String appId) {
		return find(appId).filter(p -> p.enabled() && p.direction() == PeerDirection.LOWER);
	}

	/** The enabled upper platform, if one is registered: where the push goes. */
	Optional<Peer> enabledUpper() {
		return jdbc.sql("select " + COLUMNS + " from xch_peer where direction = 'UPPER' and enabled")
			.query(this::peer).optional();
	}

	List<Peer> all() {
		return jdbc.sql("select " + COLUMNS + " from xch_peer order by direction desc, app_id").query(this::peer).list();
	}

	@Transactional
	Peer register(PeerDraft draft) {
		check(draft, true);
		if (find(draft.appId()).isPresent()) {
			throw HcpException.conflict("appId", "PEER_EXISTS", "该应用标识已登记", "A peer with this app id is registered");
		}
		Instant now = clock.instant();
		String by = actor();
		try {
			jdbc.sql("insert into xch_peer (" + COLUMNS + """
					) values (:appId, :name, :direction, :region, :publicKey, null, null, :secret, :signMode, :endpoint,
					:ourAppId, :enabled, :now, :by, :now, :by)""")
				.param("appId", draft.appId())
				.param("name", draft.name())
				.param("direction", draft.peerDirection().name())
				.param("region", draft.region12())
				.param("publicKey", draft.publicKey().toLowerCase(Locale.ROOT))
				.param("secret", personalData.encrypt(draft.secret()))
				.param("signMode", draft.peerSignMode().name())
				.param("endpoint", draft.endpoint())
				.param("ourAppId", draft.ourAppId())
				.param("enabled", draft.enabled() == null || draft.enabled())
				.param("now", Timestamp.from(now))
				.param("by", by)
				.update();
		}
		catch (DuplicateKeyException e) {
			throw conflict(e);
		}
		return find(draft.appId()).orElseThrow();
	}

	/** Replaces what an administrator may change; a missing secret keeps the stored one. */
	@Transactional
	Peer update(String appId, PeerDraft typed) {
		Peer old = find(appId).orElseThrow(() -> HcpException.notFound("appId", "UNKNOWN_PEER", "没有该应用标识的对接平台",
				"No peer with this app id"));
		if (typed.appId() != null && !typed.appId().equals(appId)) {
			throw HcpException.invalid("appId", "APP_ID_FIXED", "应用标识不可修改", "The app id cannot be changed");
		}
		PeerDraft draft = new PeerDraft(appId, typed.name(), typed.direction(), typed.regionCode(), typed.publicKey(),
				typed.secret(), typed.signMode(), typed.endpoint(), typed.ourAppId(), typed.enabled());
		check(draft, false);
		Instant now = clock.instant();
		String publicKey = draft.publicKey().toLowerCase(Locale.ROOT);
		boolean newKey = !publicKey.equals(old.publicKey());
		try {
			jdbc.sql("""
					update xch_peer set name = :name, direction = :direction, region_code = :region,
					public_key = :publicKey, previous_public_key = :previous, previous_key_until = :until,
					secret_enc = coalesce(:secret, secret_enc), sign_mode = :signMode, endpoint = :endpoint,
					our_app_id = :ourAppId, enabled = :enabled, updated_at = :now, updated_by = :by
					where app_id = :appId""")
				.param("appId", appId)
				.param("name", draft.name())
				.param("direction", draft.peerDirection().name())
				.param("region", draft.region12())
				.param("publicKey", publicKey)
				.param("previous", newKey ? old.publicKey() : old.previousPublicKey())
				.param("until", newKey ? Timestamp.from(now.plus(properties.keys().overlap()))
						: old.previousKeyUntil() == null ? null : Timestamp.from(old.previousKeyUntil()))
				.param("secret", draft.secret() == null ? null : personalData.encrypt(draft.secret()))
				.param("signMode", draft.peerSignMode().name())
				.param("endpoint", draft.endpoint())
				.param("ourAppId", draft.ourAppId())
				.param("enabled", draft.enabled() == null ? old.enabled() : draft.enabled())
				.param("now", Timestamp.from(now))
				.param("by", actor())
				.update();
		}
		catch (DuplicateKeyException e) {
			throw conflict(e);
		}
		return find(appId).orElseThrow();
	}

	private void check(PeerDraft draft, boolean isNew) {
		List<FieldProblem> problems = new ArrayList<>(draft.check(isNew));
		if (problems.stream().noneMatch(p -> p.field().equals("regionCode"))
				&& !catalog.regionExists(new RegionCode(draft.region12()))) {
			problems.add(FieldProblem.of("regionCode", "行政区划代码不在区划目录中", "The region code is not in the region catalog"));
		}
		if (!problems.isEmpty()) {
			throw HcpException.invalid("INVALID_PEER", problems);
		}
	}

	private static HcpException conflict(DuplicateKeyException e) {
		if (String.valueOf(e.getMessage()).contains("xch_peer_one_upper")) {
			return HcpException.conflict("enabled", "UPPER_EXISTS", "已有一个启用的上级平台；请先停用它",
					"An enabled upper platform is registered already; disable it first");
		}
		return HcpException.conflict("appId", "PEER_EXISTS", "该应用标识已登记", "A peer with this app id is registered");
	}

	private static String actor() {
		return Caller.current().map(Caller::name).orElse("system");
	}

	private Peer peer(ResultSet rs, int n) throws SQLException {
		return new Peer(rs.getString("app_id"), rs.getString("name"), PeerDirection.valueOf(rs.getString("direction")),
				rs.getString("region_code"), rs.getString("public_key"), rs.getString("previous_public_key"),
				instant(rs.getTimestamp("previous_key_until")), personalData.decrypt(rs.getBytes("secret_enc")),
				SignMode.valueOf(rs.getString("sign_mode")), rs.getString("endpoint"), rs.getString("our_app_id"),
				rs.getBoolean("enabled"), instant(rs.getTimestamp("created_at")), rs.getString("created_by"),
				instant(rs.getTimestamp("updated_at")), rs.getString("updated_by"));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
