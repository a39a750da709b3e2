package org.hcp.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hcp.privacy.Masks;
import org.hcp.privacy.Mobile;
import org.hcp.privacy.PersonalData;
import org.hcp.privacy.PersonalData.LookupKind;
import org.hcp.shared.HcpException;
import org.springframework.stereotype.Component;

/**
 * Staff 工作人员. Name, ID number and mobile are stored only encrypted, with a keyed hash for look-ups, and shown only
 * masked. Since a client never sees them in plain, an update that leaves one out keeps the stored value.
 */
@Component
class StaffKind extends CatalogKind {

	private final PersonalData personalData;

	StaffKind(PersonalData personalData) {
		this.personalData = personalData;
	}

	@Override
	CatalogTable table() {
		return CatalogTable.STAFF;
	}

	@Override
	Set<String> fields() {
		return Set.of("staffNo", "name", "idNumber", "mobile", "institutionCode", "windowCode", "departmentCode",
				"active");
	}

	@Override
	List<Filter> filters() {
		return List.of(Filter.code("institution", "institution_code"), Filter.code("window", "window_code"),
				Filter.code("department", "department_code"), Filter.flag("active", "active"));
	}

	@Override
	String readCode(Fields in) {
		return in.code("staffNo", 64, "_.\\-", true);
	}

	@Override
	Map<String, Object> read(String code, Fields in, boolean creating) {
		Map<String, Object> columns = new LinkedHashMap<>();
		if (creating || in.has("name")) {
			String name = in.text("name", 50, true);
			columns.put("name_enc", personalData.encrypt(name));
			columns.put("name_masked", Masks.name(name));
		}
		if (in.has("idNumber")) {
			String id = idNumber(in);
			columns.put("id_no_enc", personalData.encrypt(id));
			columns.put("id_no_hash", personalData.lookupHash(LookupKind.ID_NUMBER, id));
		}
		if (in.has("mobile")) {
			String mobile = mobile(in);
			columns.put("mobile_enc", personalData.encrypt(mobile));
			columns.put("mobile_hash", personalData.lookupHash(LookupKind.MOBILE, mobile));
		}
		columns.put("institution_code", in.refer("institutionCode", CatalogTable.INSTITUTION,
				in.code("institutionCode", 64, "_.\\-", true)));
		columns.put("window_code", in.refer("windowCode", CatalogTable.WINDOW, in.code("windowCode", 64, "_.\\-", false)));
		columns.put("department_code", in.refer("departmentCode", CatalogTable.DEPARTMENT, in.text("departmentCode", 18, false)));
		columns.put("active", in.bool("active", true));
		return columns;
	}

	@Override
	Map<String, Object> view(Map<String, Object> row) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("staffNo", row.get("staff_no"));
		view.put("name", row.get("name_masked"));
		view.put("idNumber", Masks.idNumber(personalData.decrypt((byte[]) row.get("id_no_enc"))));
		view.put("mobile", Masks.mobile(personalData.decrypt((byte[]) row.get("mobile_enc"))));
		view.put("institutionCode", row.get("institution_code"));
		view.put("windowCode", row.get("window_code"));
		view.put("departmentCode", row.get("department_code"));
		view.put("active", row.get("active"));
		return view;
	}

	/** 18-character resident ID number 居民身份证号码 (the last may be X); optional. */
	private static String idNumber(Fields in) {
		String id = in.raw("idNumber");
		if (id != null && !id.toUpperCase().matches("\\d{17}[\\dX]")) {
			in.problem("idNumber", "应为18位居民身份证号码", "must be an 18-character resident ID number");
			return null;
		}
		return id == null ? null : id.toUpperCase();
	}

	private static String mobile(Fields in) {
		try {
			Mobile mobile = Mobile.parseOptional(in.field("mobile"), in.raw("mobile"));
			return mobile == null ? null : mobile.value();
		}
		catch (HcpException e) {
			in.problem("mobile", "应为以1开头的11位手机号码", "must be an 11-digit mobile number starting with 1");
			return null;
		}
	}
}
