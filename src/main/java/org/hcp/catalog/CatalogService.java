package org.hcp.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hcp.privacy.Masks;
import org.hcp.privacy.PersonalData;
import org.hcp.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The catalog as other modules see it. */
@Service
class CatalogService implements Catalog {

	private final CatalogStore store;
	private final JdbcClient jdbc;
	private final PersonalData personalData;
	private final IndicatorCatalog indicators;
	private final UnverifiedRegistration registration;
	private final CatalogRecords records;
	private final StaffViews staffViews;

	CatalogService(CatalogStore store, JdbcClient jdbc, PersonalData personalData, IndicatorCatalog indicators,
			UnverifiedRegistration registration, CatalogRecords records, StaffViews staffViews) {
		this.records = records;
		this.staffViews = staffViews;
		this.store = store;
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.indicators = indicators;
		this.registration = registration;
	}

	@Override
	public int importCsv(String kind, String csv) {
		return records.importCsv(kind, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	@Override
	public boolean departmentExists(String departmentCode) {
		return departmentCode != null && store.exists(CatalogTable.DEPARTMENT, departmentCode);
	}

	@Override
	public Optional<String> departmentName(String departmentCode) {
		return departmentCode == null ? Optional.empty()
				: jdbc.sql("select name from cat_department where code = :code").param("code", departmentCode)
					.query(String.class).optional();
	}

	@Override
	public Optional<StaffView> staff(String staffNo) {
		return staffNo == null ? Optional.empty()
				: staffViews.get(staffNo, no -> store.find(CatalogTable.STAFF, no).map(this::staffView));
	}

	@Override
	public Optional<WindowView> window(String windowCode) {
		if (windowCode == null) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select w.code, w.name, w.institution_code, i.region_code
				from cat_window w join cat_institution i on i.code = w.institution_code where w.code = :code""")
			.param("code", windowCode)
			.query((rs, n) -> new WindowView(rs.getString("code"), rs.getString("name"), rs.getString("institution_code"),
					new RegionCode(rs.getString("region_code"))))
			.optional();
	}

	@Override
	public Optional<InstitutionView> institution(String institutionCode) {
		return institutionCode == null ? Optional.empty() : store.find(CatalogTable.INSTITUTION, institutionCode)
			.map(row -> new InstitutionView((String) row.get("code"), (String) row.get("name"), (String) row.get("kind"),
					new RegionCode((String) row.get("region_code"))));
	}

	@Override
	public List<WindowView> windowsOf(String institutionCode) {
		return jdbc.sql("""
				select w.code, w.name, w.institution_code, i.region_code
				from cat_window w join cat_institution i on i.code = w.institution_code
				where w.institution_code = :code order by w.code""")
			.param("code", institutionCode)
			.query((rs, n) -> new WindowView(rs.getString("code"), rs.getString("name"), rs.getString("institution_code"),
					new RegionCode(rs.getString("region_code"))))
			.list();
	}

	@Override
	public List<StaffView> staffOf(String institutionCode) {
		return jdbc.sql("select * from cat_staff where institution_code = :code order by window_code nulls last, staff_no")
			.param("code", institutionCode)
			.query()
			.listOfRows()
			.stream()
			.map(this::staffView)
			.toList();
	}

	@Override
	public Optional<ServiceItemView> item(String itemCode) {
		return itemCode == null ? Optional.empty() : store.find(CatalogTable.ITEM, itemCode).map(row -> new ServiceItemView(
				(String) row.get("code"), (String) row.get("name"), (String) row.get("item_type"),
				(String) row.get("department_code"), (Integer) row.get("promised_days"), (Boolean) row.get("verified")));
	}

	@Override
	public boolean regionExists(RegionCode code) {
		return code != null && store.exists(CatalogTable.REGION, code.value());
	}

	@Override
	public IndicatorSet currentIndicators() {
		return indicators.current();
	}

	@Override
	public void registerUnverified(Collection<CatalogReference> references) {
		registration.register(references);
	}

	private StaffView staffView(Map<String, Object> row) {
		return new StaffView((String) row.get("staff_no"), (String) row.get("name_masked"),
				(String) row.get("institution_code"), (String) row.get("window_code"), (String) row.get("department_code"),
				(byte[]) row.get("mobile_hash"), (byte[]) row.get("id_no_hash"), (Boolean) row.get("active"));
	}
}
