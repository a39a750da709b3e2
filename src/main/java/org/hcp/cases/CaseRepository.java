package org.hcp.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

	long insert(NewCase c, Instant now) {
		Applicant a = c.applicant();
		String mobile = a.mobile() == null ? null : a.mobile().value();
		return jdbc.sql("""
				insert into cas_case(case_no, title, item_code, item_name, department_code, region_code, case_type,
				  apply_channel, status, applicant_type, applicant_name_enc, applicant_name_masked, applicant_cert_type, applicant_cert_enc,
				  applicant_cert_hash, applicant_mobile_enc, applicant_mobile_hash, accepted_at, completed_at, batch_no,
				  chain_no, source, created_at)
				values (:caseNo, :title, :itemCode, :itemName, :dept, :region, :type, :channel, :status, :aType, :aName, :aMasked,
				  :certType, :cert, :certHash, :mobile, :mobileHash, :acceptedAt, :completedAt, :batchNo, :chainNo,
				  :source, :now)
				on conflict (case_no) do nothing
				returning id""")
			.param("caseNo", c.caseNo())
			.param("title", c.title())
			.param("itemCode", c.itemCode())
			.param("itemName", c.itemName())
			.param("dept", c.departmentCode())
			.param("region", c.region().value())
			.param("type", c.caseType().name())
			.param("channel", c.applyChannel().name())
			.param("status", c.status().name())
			.param("aType", a.type())
			.param("aName", personal.encrypt(a.name()))
			.param("aMasked", Masks.name(a.name()))
			.param("certType", a.certType())
			.param("cert", personal.encrypt(a.certNo()))
			.param("certHash", personal.lookupHash(LookupKind.ID_NUMBER, a.certNo()))
			.param("mobile", personal.encrypt(mobile))
			.param("mobileHash", personal.lookupHash(LookupKind.MOBILE, mobile))
			.param("acceptedAt", ts(c.acceptedAt()))
			.param("completedAt", ts(c.completedAt()))
			.param("batchNo", c.batchNo())
			.param("chainNo", c.chainNo())
			.param("source", c.source().name())
			.param("now", ts(now))
			.query(Long.class)
			.optional()
			.orElse(-1L);
	}

	/** Inserts a service event; false when that number already exists for the case. */
	boolean insertEvent(long caseId, NewCase.NewServiceEvent e) {
		return jdbc.sql("""
				insert into cas_service_event(case_id, service_no, name, occurred_at, staff_no, window_code)
				values (:caseId, :no, :name, :at, :staff, :window)
				on conflict do nothing""")
			.param("caseId", caseId)
			.param("no", e.serviceNo())
			.param("name", e.name())
			.param("at", ts(e.occurredAt()))
			.param("staff", e.staffNo())
			.param("window", e.windowCode())
			.update() == 1;
	}

	/** Moves the status forward only; returns true when this call completed the case. */
	boolean advance(long caseId, CaseStatus status, Instant completedAt) {
		return jdbc.sql("""
				update cas_case set status = :status, completed_at = coalesce(completed_at, :completedAt),
				  version = version + 1
				where id = :id and status <> 'COMPLETED'
				  and (case status when 'ACCEPTED' then 1 when 'IN_PROGRESS' then 2 else 3 end)
				    < (case :status when 'ACCEPTED' then 1 when 'IN_PROGRESS' then 2 else 3 end)""")
			.param("status", status.name())
			.param("completedAt", ts(completedAt))
			.param("id", caseId)
			.update() == 1 && status == CaseStatus.COMPLETED;
	}

	Optional<CaseView> find(String caseNo) {
		return jdbc.sql(SELECT + " where c.case_no = :caseNo order by e.service_no")
			.param("caseNo", caseNo)
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

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
