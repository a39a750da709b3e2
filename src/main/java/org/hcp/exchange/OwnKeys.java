package org.hcp.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.hcp.privacy.PersonalData;
import org.hcp.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Our own SM2 key pairs 本平台密钥 (ADR 0031). The current pair is the configured one
 * ({@code hcp.exchange.keys.private-key}) or, without one, generated on first use and kept with its private key
 * encrypted by {@link PersonalData}. A rotation makes a new pair current; the replaced pair still decrypts and
 * verifies until {@code hcp.exchange.keys.overlap} has passed, then it is refused. Private keys leave this class only
 * as {@link OwnKey} (whose {@code toString} hides them), never in a view, a log line or an exception message.
 */
@Service
class OwnKeys {

	private static final Logger log = LoggerFactory.getLogger(OwnKeys.class);

	private final JdbcClient jdbc;
	private final PersonalData personalData;
	private final ExchangeProperties properties;
	private final Clock clock;
	private final TransactionTemplate tx;

	OwnKeys(JdbcClient jdbc, PersonalData personalData, ExchangeProperties properties, Clock clock,
			TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.properties = properties;
		this.clock = clock;
		this.tx = tx;
	}

	/** One of our key pairs with its private key: for this package's signing and decrypting only. */
	record OwnKey(long id, String publicKey, String privateKey) {

		@Override
		public String toString() {
			return "OwnKey[id=" + id + ", publicKey=" + publicKey + ", privateKey=(hidden)]";
		}
	}

	/** A key pair as administrators see it: never the private key. */
	record OwnKeyView(long id, String publicKey, String origin, String state, Instant createdAt, String createdBy,
			Instant replacedAt, String replacedBy, Instant usableUntil) {
	}

	/** The current pair: the one to sign with (SM2_SIGN) and to publish. */
	OwnKey current() {
		return findCurrent().orElseGet(this::establish);
	}

	/** The private keys that decrypt now: the current one first, then replaced ones still within their overlap. */
	List<String> usablePrivateKeys() {
		OwnKey current = current();
		List<String> replaced = jdbc.sql("""
				select private_key_enc from xch_own_key
				where replaced_at is not null and usable_until > :now order by id desc""")
			.param("now", Timestamp.from(clock.instant()))
			.query((rs, n) -> personalData.decrypt(rs.getBytes(1)))
			.list();
		return Stream.concat(Stream.of(current.privateKey()), replaced.stream())
			.toList();
	}

	/** The previous public key while it is still usable, with the end of its overlap. */
	Optional<OwnKeyView> previous() {
		return views().stream().filter(v -> v.state().equals("OVERLAP")).findFirst();
	}

	List<OwnKeyView> views() {
		current();
		Instant now = clock.instant();
		return jdbc.sql("""
				select id, public_key, origin, created_at, created_by, replaced_at, replaced_by, usable_until
				from xch_own_key order by id desc""")
			.query((rs, n) -> {
				Instant replacedAt = instant(rs.getTimestamp("replaced_at"));
				Instant until = instant(rs.getTimestamp("usable_until"));
				String state = replacedAt == null ? "CURRENT" : until != null && until.isAfter(now) ? "OVERLAP" : "RETIRED";
				return new OwnKeyView(rs.getLong("id"), rs.getString("public_key"), rs.getString("origin"), state,
						instant(rs.getTimestamp("created_at")), rs.getString("created_by"), replacedAt,
						rs.getString("replaced_by"), until);
			})
			.list();
	}

	/** A new current pair (GENERATED); the replaced one stays usable until now + overlap. Audited: who and when. */
	OwnKeyView rotate() {
		String by = Caller.current().map(Caller::name).orElse("system");
		current();
		Instant now = clock.instant();
		Sm2.KeyPair pair = Sm2.generate();
		tx.executeWithoutResult(status -> {
			jdbc.sql("""
					update xch_own_key set replaced_at = :now, replaced_by = :by, usable_until = :until
					where replaced_at is null""")
				.param("now", Timestamp.from(now))
				.param("by", by)
				.param("until", Timestamp.from(now.plus(properties.keys().overlap())))
				.update();
			insert(pair, "GENERATED", by, now);
		});
		log.info("Exchange key pair rotated by {}; new public key {}", by, pair.publicKey());
		return views().get(0);
	}

	private Optional<OwnKey> findCurrent() {
		return jdbc.sql("select id, public_key, private_key_enc from xch_own_key where replaced_at is null")
			.query((rs, n) -> new OwnKey(rs.getLong(1), rs.getString(2), personalData.decrypt(rs.getBytes(3))))
			.optional();
	}

	/**
	 * The first use: the configured pair, or a generated one. A configured key that differs from the stored current
	 * pair replaces it (with the overlap); two instances starting together agree through the one-current index.
	 */
	private synchronized OwnKey establish() {
		Optional<OwnKey> found = findCurrent();
		if (found.isPresent()) {
			return found.get();
		}
		Sm2.KeyPair pair = generatedOrConfigured();
		try {
			tx.executeWithoutResult(status -> insert(pair, configured().isPresent() ? "CONFIGURED" : "GENERATED",
					"system", clock.instant()));
			log.info("Exchange key pair established; public key {}", pair.publicKey());
		}
		catch (DuplicateKeyException e) {
			// another instance was quicker: its pair is ours too
		}
		return findCurrent().orElseThrow();
	}

	/** At start: a configured private key not yet stored becomes the current pair; otherwise the pair is made now. */
	@EventListener(ApplicationReadyEvent.class)
	void adoptConfigured() {
		Optional<String> key = configured();
		if (key.isEmpty()) {
			current();
			return;
		}
		String publicKey = Sm2.publicKeyOf(key.get());
		boolean known = jdbc.sql("select count(*) from xch_own_key where public_key = :p").param("p", publicKey)
			.query(Integer.class).single() > 0;
		if (known) {
			current();
			return;
		}
		Instant now = clock.instant();
		tx.executeWithoutResult(status -> {
			jdbc.sql("""
					update xch_own_key set replaced_at = :now, replaced_by = 'configuration', usable_until = :until
					where replaced_at is null""")
				.param("now", Timestamp.from(now))
				.param("until", Timestamp.from(now.plus(properties.keys().overlap())))
				.update();
			insert(new Sm2.KeyPair(key.get(), publicKey), "CONFIGURED", "configuration", now);
		});
		log.info("Configured exchange key pair adopted; public key {}", publicKey);
	}

	private Sm2.KeyPair generatedOrConfigured() {
		return configured().map(k -> new Sm2.KeyPair(k, Sm2.publicKeyOf(k))).orElseGet(Sm2::generate);
	}

	private Optional<String> configured() {
		String key = properties.keys().privateKey();
		return key == null || key.isBlank() ? Optional.empty() : Optional.of(key.trim().toLowerCase());
	}

	private void insert(Sm2.KeyPair pair, String origin, String by, Instant at) {
		jdbc.sql("""
				insert into xch_own_key (public_key, private_key_enc, origin, created_at, created_by)
				values (:p, :k, :o, :at, :by)""")
			.param("p", pair.publicKey())
			.param("k", personalData.encrypt(pair.privateKey()))
			.param("o", origin)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
