package org.hcp.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hcp.privacy.Masks;
import org.hcp.privacy.PersonalData;
import org.hcp.privacy.PersonalData.LookupKind;
import org.hcp.privacy.Mobile;
import org.hcp.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over cas_case and cas_service_event; personal data is encrypted on the way in. */
@Repository
class CaseRepository {

	private static final String SELECT = """
			select c.*, e.service_no, e.name as event_name, e.occurred_at, e.staff_no, e.window_code
			from cas_case c left join cas_service_event e on e.case_id = c.id
			""";

	private final JdbcClient jdbc;
	private final PersonalData personal;

	CaseRepository(JdbcClient jdbc, PersonalData personal) {
		this.jdbc = jdbc;
		this.personal = personal;
	}

	/** The case as an aggregate, at its current version; empty when the number is unknown. */
	Optional<Case> load(String caseNo) {
		return loadAll(List.of(caseNo)).stream().findFirst();
	}

	List<Case> loadAll(Collection<String> caseNos) {
		return jdbc.sql("""
				select c.id, c.case_no, c.region_code, c.item_code, c.accepted_at, c.source, c.version, c.status,
				  c.completed_at, array(select e.service_no from cas_service_event e where e.case_id = c.id) as service_nos
				from cas_case c where c.case_no = any(:caseNos)""")
			.param("caseNos", caseNos.toArray(String[]::new))
			.query((rs, n) -> new Case(rs.getLong("id"), rs.getString("case_no"), new RegionCode(rs.getString("region_code")),
					rs.getString("item_code"), rs.getTimestamp("accepted_at").toInstant(),
					NewCase.Source.valueOf(rs.getString("source")), rs.getInt("version"),
					Set.of((Integer[]) rs.getArray("service_nos").getArray()), CaseStatus.valueOf(rs.getString("status")),
					instant(rs.getTimestamp("completed_at"))))
			.list();
	}

	/**
	 * Stores the changes of one case, if its version is still the one it was loaded at (else {@link StaleCase}).
	 * The version is compared and bumped first: that row lock serialises writers, so the events added after it
	 * cannot collide with another writer's.
	 */
	void save(Case c) {
		saveAll(List.of(c));
	}

	/** {@link #save} for many cases: one update and one insert, each set-based; stale if any version moved. */
	void saveAll(List<Case> changed) {
		List<Case> cases = changed.stream().filter(Case::isChanged).sorted(Comparator.comparingLong(Case::id)).toList();
		if (cases.isEmpty()) {
			return;
		}
		int updated = jdbc.sql("""
				update cas_case c set status = u.status, completed_at = u.completed_at, version = c.version + 1
				from unnest(:ids::bigint[], :statuses::varchar[], :completed::timestamptz[], :versions::int[])
				  as u(id, status, completed_at, version)
				where c.id = u.id and c.version = u.version""")
			.param("ids", cases.stream().mapToLong(Case::id).toArray())
			.param("statuses", cases.stream().map(c -> c.status().name()).toArray(String[]::new))
			.param("completed", cases.stream().map(c -> text(c.completedAt())).toArray(String[]::new))
			.param("versions", cases.stream().mapToInt(Case::version).toArray())
			.update();
		if (updated != cases.size()) {
			throw new StaleCase(cases.size() == 1 ? cases.get(0).caseNo() : cases.size() + " cases");
		}
		List<Long> ids = new ArrayList<>();
		List<NewCase.NewServiceEvent> events = new ArrayList<>();
		for (Case c : cases) {
			c.addedEvents().forEach(e -> {
				ids.add(c.id());
				events.add(e);
			});
		}
		insertEvents(ids, events);
	}

	/**
	 * Inserts new cases with one statement; cases whose number exists (before, or inserted concurrently) are
	 * skipped. Returns the ids of those inserted by case number. Sorted by number so that concurrent arrays take
	 * the unique-index locks in the same order.
	 */
	Map<String, Long> insertAll(List<NewCase> newCases, Instant now) {
		List<NewCase> cs = newCases.stream().sorted(Comparator.comparing(NewCase::caseNo)).toList();
		int n = cs.size();
		String[] caseNo = new String[n], title = new String[n], itemCode = new String[n], itemName = new String[n],
				dept = new String[n], region = new String[n], type = new String[n], channel = new String[n],
				status = new String[n], aMasked = new String[n], certType = new String[n], acceptedAt = new String[n],
				completedAt = new String[n], batchNo = new String[n], chainNo = new String[n], source = new String[n];
		int[] aType = new int[n];
		byte[][] aName = new byte[n][], cert = new byte[n][], certHash = new byte[n][], mobile = new byte[n][],
				mobileHash = new byte[n][];
		for (int i = 0; i < n; i++) {
			NewCase c = cs.get(i);
			Applicant a = c.applicant();
			String m = a.mobile() == null ? null : a.mobile().value();
			caseNo[i] = c.caseNo();
			title[i] = c.title();
			itemCode[i] = c.itemCode();
			itemName[i] = c.itemName();
			dept[i] = c.departmentCode();
			region[i] = c.region().value();
			type[i] = c.caseType().name();
			channel[i] = c.applyChannel().name();
			status[i] = c.status().name();
			aType[i] = a.type();
			aName[i] = personal.encrypt(a.name());
			aMasked[i] = Masks.name(a.name());
			certType[i] = a.certType();
			cert[i] = personal.encrypt(a.certNo());
			certHash[i] = personal.lookupHash(LookupKind.ID_NUMBER, a.certNo());
			mobile[i] = personal.encrypt(m);
			mobileHash[i] = personal.lookupHash(LookupKind.MOBILE, m);
			acceptedAt[i] = text(c.acceptedAt());
			completedAt[i] = text(c.completedAt());
			batchNo[i] = c.batchNo();
			chainNo[i] = c.chainNo();
			source[i] = c.source().name();
		}
		Map<String, Long> ids = new HashMap<>();
		jdbc.sql("""
				insert into cas_case(case_no, title, item_code, item_name, department_code, region_code, case_type,
				  apply_channel, status, applicant_type, applicant_name_enc, applicant_name_masked, applicant_cert_type,
				  applicant_cert_enc, applicant_cert_hash, applicant_mobile_enc, applicant_mobile_hash, accepted_at,
				  completed_at, batch_no, chain_no, source, created_at)
				select u.*, :now from unnest(:caseNo::varchar[], :title::varchar[], :itemCode::varchar[],
				  :itemName::varchar[], :dept::varchar[], :region::varchar[], :type::varchar[], :channel::varchar[],
				  :status::varchar[], :aType::smallint[], :aName::bytea[], :aMasked::varchar[], :certType::varchar[],
				  :cert::bytea[], :certHash::bytea[], :mobile::bytea[], :mobileHash::bytea[], :acceptedAt::timestamptz[],
				  :completedAt::timestamptz[], :batchNo::varchar[], :chainNo::varchar[], :source::varchar[]) as u
				on conflict (case_no) do nothing
				returning id, case_no""")
			.param("caseNo", caseNo).param("title", title).param("itemCode", itemCode).param("itemName", itemName)
			.param("dept", dept).param("region", region).param("type", type).param("channel", channel)
			.param("status", status).param("aType", aType).param("aName", aName).param("aMasked", aMasked)
			.param("certType", certType).param("cert", cert).param("certHash", certHash).param("mobile", mobile)
			.param("mobileHash", mobileHash).param("acceptedAt", acceptedAt).param("completedAt", completedAt)
			.param("batchNo", batchNo).param("chainNo", chainNo).param("source", source)
			.param("now", ts(now))
			.query((rs, i) -> ids.put(rs.getString("case_no"), rs.getLong("id")))
			.list();
		return ids;
	}

	/** Inserts service events, parallel to their case ids, with one statement. */
	void insertEvents(List<Long> caseIds, List<NewCase.NewServiceEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into cas_service_event(case_id, service_no, name, occurred_at, staff_no, window_code)
				select * from unnest(:ids::bigint[], :nos::int[], :names::varchar[], :ats::timestamptz[],
				  :staff::varchar[], :windows::varchar[])""")
			.param("ids", caseIds.stream().mapToLong(Long::longValue).toArray())
			.param("nos", events.stream().mapToInt(NewCase.NewServiceEvent::serviceNo).toArray())
			.param("names", events.stream().map(NewCase.NewServiceEvent::name).toArray(String[]::new))
			.param("ats", events.stream().map(e -> text(e.occurredAt())).toArray(String[]::new))
			.param("staff", events.stream().map(NewCase.NewServiceEvent::staffNo).toArray(String[]::new))
			.param("windows", events.stream().map(NewCase.NewServiceEvent::windowCode).toArray(String[]::new))
			.update();
	}

	Optional<CaseView> find(String caseNo) {
		return jdbc.sql(SELECT + " where c.case_no = :caseNo order by e.service_no")
			.param("caseNo", caseNo)
			.query(this::collect)
			.values()
			.stream()
			.findFirst();
	}

	Optional<CaseView> find(long id) {
		return jdbc.sql(SELECT + " where c.id = :id order by e.service_no")
			.param("id", id)
			.query(this::collect)
			.values()
			.stream()
			.findFirst();
	}

	Map<String, CaseView> findAll(Collection<String> caseNos) {
		if (caseNos.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql(SELECT + " where c.case_no = any(:caseNos) order by c.id, e.service_no")
			.param("caseNos", caseNos.toArray(String[]::new))
			.query(this::collect);
	}

	/** The applicant's cases by the keyed hash of their mobile, newest first, at most {@code limit}. */
	List<CaseView> ofApplicantMobile(byte[] mobileHash, int limit) {
		return new ArrayList<>(jdbc.sql(SELECT + """
				 where c.id in (select id from cas_case where applicant_mobile_hash = :hash order by id desc limit :limit)
				order by c.id desc, e.service_no""")
			.param("hash", mobileHash)
			.param("limit", limit)
			.query(this::collect)
			.values());
	}

	/** Cases filed together with this one: same batch, item and region. */
	List<CaseView> batchOf(CaseView c) {
		return new ArrayList<>(jdbc.sql(SELECT + """
				 where c.batch_no = :batch and c.item_code = :item and c.region_code = :region
				order by c.id, e.service_no""")
			.param("batch", c.batchNo())
			.param("item", c.itemCode())
			.param("region", c.region().value())
			.query(this::collect)
			.values());
	}

	/** Items of the same theme chain in the same region. */
	List<CaseView> chainOf(CaseView c) {
		return new ArrayList<>(jdbc.sql(SELECT + " where c.chain_no = :chain and c.region_code = :region order by c.id, e.service_no")
			.param("chain", c.chainNo())
			.param("region", c.region().value())
			.query(this::collect)
			.values());
	}

	/** Completed in the region or below, in [from, until); by case number so that every reader sees one order. */
	List<CompletedCase> completedIn(RegionCode region, Instant from, Instant until) {
		return jdbc.sql("""
				select id, case_no, item_code, department_code, region_code, completed_at, applicant_name_masked
				from cas_case
				where status = 'COMPLETED' and completed_at >= :from and completed_at < :until
				  and region_code like :prefix
				order by case_no""")
			.param("from", ts(from))
			.param("until", ts(until))
			.param("prefix", region.prefix() + "%")
			.query((rs, i) -> new CompletedCase(rs.getLong("id"), rs.getString("case_no"), rs.getString("item_code"),
					rs.getString("department_code"), new RegionCode(rs.getString("region_code")),
					rs.getTimestamp("completed_at").toInstant(), rs.getString("applicant_name_masked")))
			.list();
	}

	Optional<Mobile> applicantMobile(long caseId) {
		return jdbc.sql("select applicant_mobile_enc from cas_case where id = :id")
			.param("id", caseId)
			.query((rs, i) -> Optional.ofNullable(personal.decrypt(rs.getBytes(1))).map(Mobile::new))
			.optional()
			.flatMap(m -> m);
	}

	private Map<String, CaseView> collect(ResultSet rs) throws SQLException {
		Map<String, CaseView> cases = new LinkedHashMap<>();
		while (rs.next()) {
			String caseNo = rs.getString("case_no");
			CaseView view = cases.get(caseNo);
			if (view == null) {
				view = map(rs);
				cases.put(caseNo, view);
			}
			int serviceNo = rs.getInt("service_no");
			if (!rs.wasNull()) {
				view.events().add(new ServiceEventView(serviceNo, rs.getString("event_name"),
						rs.getTimestamp("occurred_at").toInstant(), rs.getString("staff_no"), rs.getString("window_code")));
			}
		}
		cases.replaceAll((k, v) -> withFrozenEvents(v));
		return cases;
	}

	private CaseView map(ResultSet rs) throws SQLException {
		Timestamp completed = rs.getTimestamp("completed_at");
		return new CaseView(rs.getLong("id"), rs.getString("case_no"), rs.getString("title"), rs.getString("item_code"),
				rs.getString("item_name"), rs.getString("department_code"), new RegionCode(rs.getString("region_code")),
				CaseType.valueOf(rs.getString("case_type")), ApplyChannel.valueOf(rs.getString("apply_channel")),
				CaseStatus.valueOf(rs.getString("status")), rs.getTimestamp("accepted_at").toInstant(),
				completed == null ? null : completed.toInstant(), rs.getString("batch_no"), rs.getString("chain_no"),
				rs.getInt("applicant_type"), rs.getString("applicant_name_masked"),
				rs.getBytes("applicant_mobile_hash"), rs.getBytes("applicant_cert_hash"),
				NewCase.Source.valueOf(rs.getString("source")), new ArrayList<>());
	}

	private static CaseView withFrozenEvents(CaseView v) {
		return new CaseView(v.id(), v.caseNo(), v.title(), v.itemCode(), v.itemName(), v.departmentCode(), v.region(),
				v.caseType(), v.applyChannel(), v.status(), v.acceptedAt(), v.completedAt(), v.batchNo(), v.chainNo(),
				v.applicantType(), v.maskedApplicantName(), v.applicantMobileHash(), v.applicantCertHash(), v.source(),
				List.copyOf(v.events()));
	}

	private static String text(Instant instant) {
		return instant == null ? null : instant.toString();
	}

	private static Instant instant(Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
