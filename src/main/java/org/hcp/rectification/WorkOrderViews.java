package org.hcp.rectification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hcp.calendar.WorkingCalendar;
import org.hcp.security.RegionScope;
import org.hcp.shared.ChinaTime;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The read side: an order's view and page, the ledger 台账 under the caller's scope, and its Excel export. */
@Component
class WorkOrderViews {

	static final int MAX_PAGE_SIZE = 200;
	static final int MAX_EXPORT_ROWS = 50_000;

	private final WorkOrderRepository orders;
	private final OrderRecords records;
	private final AuditTrail audit;
	private final WorkingCalendar calendar;
	private final JdbcClient jdbc;
	private final Clock clock;

	WorkOrderViews(WorkOrderRepository orders, OrderRecords records, AuditTrail audit, WorkingCalendar calendar,
			JdbcClient jdbc, Clock clock) {
		this.orders = orders;
		this.records = records;
		this.audit = audit;
		this.calendar = calendar;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	WorkOrderView view(WorkOrder o) {
		List<WorkOrderRepository.Rating> ratings = orders.ratings(o.id);
		return new WorkOrderView(o.id, o.orderNo, o.source, o.state, o.regionCode, o.departmentCode, o.staffNo,
				ratings.stream().map(WorkOrderRepository.Rating::evaluationId).toList(),
				ratings.stream().map(WorkOrderRepository.Rating::caseNo).distinct().toList(), o.openedAt, o.dispatchedAt,
				o.deadline, o.isOverdue(clock.instant()), o.isPaused());
	}

	WorkOrderDetail detail(WorkOrder o) {
		List<ExtensionView> extensions = records.extensions(o.id);
		return new WorkOrderDetail(view(o), o.version, o.holder(), o.deadlineStep,
				o.isPaused() ? null : RemainingWorkingDays.of(o.deadline, clock.instant(), calendar), o.round, o.itemCode,
				o.institutionCode, o.windowCode, o.level, o.summary, o.raterMobileMasked, o.profileCode, o.verifiedAt,
				o.rectifyMode, o.plannedBy, o.rectifiedAt, o.unrectifiable, o.repliedAt, o.raterAnswer,
				o.raterAnsweredAt, o.revisitOutcome, o.revisitedAt, o.closedAt, o.timesOverdue, o.escalated,
				records.callAttempts(o.id, o.round),
				extensions.stream().filter(e -> e.status().equals("PENDING")).findFirst().orElse(null), extensions,
				records.evidence(o.id), audit.of(o.id), remote(o, o.isRemote() ? peerName(o.remotePeer) : null));
	}

	/** A remote order's handling; null for an order handled here. */
	private static RemoteHandling remote(WorkOrder o, String peerName) {
		return o.isRemote() ? new RemoteHandling(o.remotePeer, peerName, o.remoteOrderNo, o.remoteStep) : null;
	}

	/** The registered name of a peer platform (exchange's table, read only), null when it is not registered. */
	private String peerName(String appId) {
		return jdbc.sql("select name from xch_peer where app_id = :id").param("id", appId).query(String.class).optional()
			.orElse(null);
	}

	RaterStatus raterStatus(WorkOrder o, OrderRecords.Reply reply) {
		return new RaterStatus(o.orderNo, o.state, reply.text(), reply.repliedAt(), reply.answer(), reply.answeredAt(),
				reply.latest(), List.of(RaterAnswer.values()));
	}

	// ------------------------------------------------------------------------------------------------ ledger

	LedgerPage ledger(LedgerQuery q) {
		int size = q.size() <= 0 ? 20 : q.size();
		if (size > MAX_PAGE_SIZE || q.page() < 0 || q.page() > 1_000_000) {
			throw HcpException.invalid("size", "BAD_PAGE", "page 不能为负数，size 应在 1 到 " + MAX_PAGE_SIZE + " 之间",
					"page cannot be negative; size is 1 to " + MAX_PAGE_SIZE);
		}
		Filter f = filter(q);
		long total = jdbc.sql("select count(*) from rct_work_order o where " + f.where()).params(f.params).query(Long.class)
			.single();
		List<LedgerEntry> items = rows(f, size, (long) q.page() * size);
		return new LedgerPage(items, total, q.page(), size);
	}

	byte[] export(LedgerQuery q) {
		List<LedgerEntry> rows = rows(filter(q), MAX_EXPORT_ROWS, 0);
		return LedgerWorkbook.write(rows, timelines(rows));
	}

	private List<LedgerEntry> rows(Filter f, int limit, long offset) {
		Instant now = clock.instant();
		List<Object> params = new ArrayList<>(f.params);
		params.add(limit);
		params.add(offset);
		return jdbc.sql("""
				select o.*, (select string_agg(distinct r.case_no, ',') from rct_order_rating r where r.order_id = o.id) case_nos,
				  (select p.name from xch_peer p where p.app_id = o.remote_peer) remote_peer_name,
				  (select a.action || '|' || to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
				   from rct_audit a where a.order_id = o.id order by a.id desc limit 1) last_step
				from rct_work_order o where\s""" + f.where() + """
				\sorder by o.deadline asc nulls last, o.id desc limit ? offset ?""")
			.params(params)
			.query((rs, i) -> entry(rs, now))
			.list();
	}

	private LedgerEntry entry(ResultSet rs, Instant now) throws SQLException {
		WorkOrder o = WorkOrderRepository.map(rs, 0);
		String cases = rs.getString("case_nos");
		String last = rs.getString("last_step");
		String lastAction = last == null ? null : last.substring(0, last.indexOf('|'));
		Instant lastAt = last == null ? null : Instant.parse(last.substring(last.indexOf('|') + 1));
		return new LedgerEntry(o.id, o.orderNo, o.source, o.state, o.regionCode, o.departmentCode, o.staffNo,
				o.itemCode, o.level, cases == null ? List.of() : Arrays.asList(cases.split(",")), o.raterMobileMasked,
				o.holder(), o.openedAt, o.deadline, o.deadlineStep,
				o.isPaused() || !o.state.isOpen() ? null : RemainingWorkingDays.of(o.deadline, now, calendar),
				o.isOverdue(now), o.isPaused(), o.escalated, o.timesOverdue, lastAction, lastAt, o.version,
				remote(o, rs.getString("remote_peer_name")));
	}

	private java.util.Map<Long, List<TimelineEntry>> timelines(List<LedgerEntry> rows) {
		java.util.Map<Long, List<TimelineEntry>> all = new java.util.HashMap<>();
		for (LedgerEntry row : rows) {
			all.put(row.id(), audit.of(row.id()));
		}
		return all;
	}

	private record Filter(String where, List<Object> params) {
	}

	/** The query's filters and the caller's scope, as one WHERE clause. */
	private Filter filter(LedgerQuery q) {
		StringBuilder where = new StringBuilder("true");
		List<Object> params = new ArrayList<>();
		RegionScope scope = RegionScope.current();
		scope.region().ifPresent(r -> {
			where.append(" and o.region_code like ?");
			params.add(r.prefix() + "%");
		});
		scope.department().ifPresent(d -> {
			where.append(" and o.department_code = ?");
			params.add(d);
		});
		scope.staff().ifPresent(s -> {
			where.append(" and o.staff_no = ?");
			params.add(s);
		});
		if (q.region() != null && !q.region().isBlank()) {
			RegionCode region = RegionCode.parse("region", q.region());
			// a region beside the caller's is refused; one around it only repeats the scope
			if (!scope.covers(region) && scope.region().map(own -> !region.contains(own)).orElse(false)) {
				throw scope.refusal("region");
			}
			where.append(" and o.region_code like ?");
			params.add(region.prefix() + "%");
		}
		if (q.department() != null && !q.department().isBlank()) {
			where.append(" and o.department_code = ?");
			params.add(q.department().strip());
		}
		if (q.state() != null) {
			where.append(" and o.state = ?");
			params.add(q.state().name());
		}
		if (q.from() != null) {
			where.append(" and o.opened_at >= ?");
			params.add(Timestamp.from(ChinaTime.startOf(q.from())));
		}
		if (q.to() != null) {
			where.append(" and o.opened_at < ?");
			params.add(Timestamp.from(ChinaTime.startOf(q.to().plusDays(1))));
		}
		if (q.handledHere()) {
			where.append(" and o.remote_peer is null");
		}
		if (q.overdue() != null) {
			where.append(q.overdue() ? " and " : " and not ");
			where.append("(o.state not in ('INVALID', 'CLOSED', 'CLOSED_BY_APPEAL') and (o.overdue or "
					+ "(o.deadline is not null and o.paused_at is null and o.deadline <= ?)))");
			params.add(Timestamp.from(clock.instant()));
		}
		return new Filter(where.toString(), params);
	}
}
