package org.hcp.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import org.hcp.security.RegionScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * In-app messages in ntf_message (append-only) and who read them in ntf_message_read. Reading is always for one
 * {@link Inbox} inside one {@link RegionScope}: a message that is not addressed to the reader, or lies outside their
 * scope, is neither listed, counted nor marked.
 */
@Repository
class NoticeStore {

	private static final String COLUMNS = """
			m.id, m.addressee_kind, m.addressee, m.region_code, m.topic, m.order_id, m.order_no, m.step, m.deadline,
			m.event_at, m.created_at, r.read_at""";

	private final JdbcClient jdbc;

	NoticeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the message unless its key is stored already; true when it is new. */
	boolean add(Notice n, Instant now) {
		return jdbc.sql("""
				insert into ntf_message(message_key, addressee_kind, addressee, region_code, topic, order_id, order_no,
				  step, deadline, event_at, created_at)
				values (:key, :kind, :addressee, :region, :topic, :orderId, :orderNo, :step, :deadline, :at, :now)
				on conflict (message_key) do nothing""")
			.param("key", n.key())
			.param("kind", n.to().kind().name())
			.param("addressee", n.to().value())
			.param("region", n.to().region())
			.param("topic", n.topic().name())
			.param("orderId", n.orderId())
			.param("orderNo", n.orderNo())
			.param("step", n.step())
			.param("deadline", ts(n.deadline()))
			.param("at", ts(n.at()))
			.param("now", ts(now))
			.update() == 1;
	}

	/** Newest first; {@code before} pages back by id. */
	List<StoredNotice> list(Inbox inbox, RegionScope scope, boolean unreadOnly, Long before, int limit) {
		if (inbox.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = new HashMap<>();
		String sql = "select " + COLUMNS + from(inbox, scope, params) + (unreadOnly ? " and r.read_at is null" : "")
				+ (before == null ? "" : " and m.id < :before") + " order by m.id desc limit :limit";
		params.put("before", before);
		params.put("limit", limit);
		return jdbc.sql(sql).params(params).query(NoticeStore::map).list();
	}

	Optional<StoredNotice> find(Inbox inbox, RegionScope scope, long id) {
		if (inbox.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Object> params = new HashMap<>();
		params.put("id", id);
		return jdbc.sql("select " + COLUMNS + from(inbox, scope, params) + " and m.id = :id").params(params)
			.query(NoticeStore::map).optional();
	}

	long unread(Inbox inbox, RegionScope scope) {
		if (inbox.isEmpty()) {
			return 0;
		}
		Map<String, Object> params = new HashMap<>();
		return jdbc.sql("select count(*)" + from(inbox, scope, params) + " and r.read_at is null").params(params)
			.query(Long.class).single();
	}

	/** Marks one message read by this person (once; a second mark keeps the first time). */
	void markRead(Inbox inbox, long id, Instant now) {
		jdbc.sql("""
				insert into ntf_message_read(message_id, user_id, read_at) values (:id, :user, :now)
				on conflict do nothing""")
			.param("id", id).param("user", inbox.userId()).param("now", ts(now)).update();
	}

	/** Marks every unread message of this inbox read; returns how many. */
	int markAllRead(Inbox inbox, RegionScope scope, Instant now) {
		if (inbox.isEmpty()) {
			return 0;
		}
		Map<String, Object> params = new HashMap<>();
		params.put("now", ts(now));
		return jdbc.sql("insert into ntf_message_read(message_id, user_id, read_at) select m.id, :user, :now"
				+ from(inbox, scope, params) + " and r.read_at is null on conflict do nothing").params(params).update();
	}

	/** The messages addressed to this inbox, inside the scope, joined with this person's reads. */
	private static String from(Inbox inbox, RegionScope scope, Map<String, Object> params) {
		StringJoiner addressed = new StringJoiner(" or ", "(", ")");
		for (int i = 0; i < inbox.addressees().size(); i++) {
			Addressee a = inbox.addressees().get(i);
			addressed.add("(m.addressee_kind = :kind" + i + " and m.addressee = :addressee" + i + ")");
			params.put("kind" + i, a.kind().name());
			params.put("addressee" + i, a.value());
		}
		params.put("user", inbox.userId());
		params.put("scope", scope.region().map(r -> r.prefix() + "%").orElse(null));
		return """
				 from ntf_message m
				 left join ntf_message_read r on r.message_id = m.id and r.user_id = :user
				where %s and (m.region_code is null or cast(:scope as text) is null or m.region_code like :scope)"""
			.formatted(addressed);
	}

	private static StoredNotice map(ResultSet rs, int row) throws SQLException {
		return new StoredNotice(rs.getLong("id"),
				new Addressee(Addressee.Kind.valueOf(rs.getString("addressee_kind")), rs.getString("addressee"),
						rs.getString("region_code")),
				NoticeTopic.valueOf(rs.getString("topic")), (Long) rs.getObject("order_id"), rs.getString("order_no"),
				rs.getString("step"), instant(rs.getTimestamp("deadline")), instant(rs.getTimestamp("event_at")),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("read_at")));
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}
}
