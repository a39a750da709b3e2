package org.hcp.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hcp.shared.Bilingual;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.http.HttpStatus;

/**
 * What data the current work may touch (数据范围), in one place. Read from the authentication of the request:
 * <ul>
 * <li>an admin, and work without a caller (jobs, event listeners), sees everywhere;</li>
 * <li>a key or person limited to a region sees that region and the regions inside it — platforms, SMS gateways,
 * offices (政务服务管理办公室 of a level), 12345 operators and assessors;</li>
 * <li>a department handler (with none of those broader roles) sees, inside their region, only their department's
 * data;</li>
 * <li>window staff (with none of the above) see only their own.</li>
 * </ul>
 * Module façades apply it where scoped data enters or leaves (see ADR 0013), so an endpoint that goes through a
 * façade cannot skip it; list queries filter by {@link #region()}, {@link #department()} and {@link #staff()}.
 */
public final class RegionScope {

	private static final RegionScope EVERYWHERE = new RegionScope(null, null, null);

	private static final Set<Role> REGION_WIDE = Set.of(Role.PLATFORM, Role.SMS_GATEWAY, Role.OFFICE, Role.HOTLINE,
			Role.ASSESSOR);

	private final RegionCode region;
	private final String department;
	private final String staff;

	private RegionScope(RegionCode region, String department, String staff) {
		this.region = region;
		this.department = department;
		this.staff = staff;
	}

	/** The scope of the current authentication; everywhere without one. */
	public static RegionScope current() {
		return Caller.current().map(RegionScope::of).orElse(EVERYWHERE);
	}

	/** The scope of a caller. */
	public static RegionScope of(Caller caller) {
		if (caller.has(Role.ADMIN)) {
			return EVERYWHERE;
		}
		if (caller.roles().stream().anyMatch(REGION_WIDE::contains)) {
			return new RegionScope(caller.region(), null, null);
		}
		if (caller.has(Role.DEPARTMENT)) {
			return new RegionScope(caller.region(), nonBlank(caller.departmentCode()), null);
		}
		if (caller.has(Role.STAFF)) {
			return new RegionScope(caller.region(), null, nonBlank(caller.staffNo()));
		}
		return new RegionScope(caller.region(), null, null);
	}

	public static RegionScope everywhere() {
		return EVERYWHERE;
	}

	public static RegionScope limitedTo(RegionCode region) {
		return new RegionScope(region, null, null);
	}

	/** The region this scope is limited to; empty for everywhere. */
	public Optional<RegionCode> region() {
		return Optional.ofNullable(region);
	}

	/** The department (unified social credit code) this scope is limited to; empty when not limited to one. */
	public Optional<String> department() {
		return Optional.ofNullable(department);
	}

	/** The staff number this scope is limited to; empty when not limited to one staff member. */
	public Optional<String> staff() {
		return Optional.ofNullable(staff);
	}

	/** True when data of this region may be touched; data without a region is not regional. */
	public boolean covers(RegionCode code) {
		return region == null || code == null || region.contains(code);
	}

	/**
	 * True when data of this region, owned by this department and about this staff member, may be touched. A scope
	 * limited to a department or a staff member does not cover data that names none.
	 */
	public boolean covers(RegionCode code, String departmentCode, String staffNo) {
		return covers(code) && (department == null || department.equals(departmentCode))
				&& (staff == null || staff.equals(staffNo));
	}

	/** Refuses data outside this scope: 403 OUT_OF_SCOPE naming the field that carried it. */
	public void require(String field, RegionCode code) {
		if (!covers(code)) {
			throw refusal(field);
		}
	}

	/** As {@link #require(String, RegionCode)}, also for the department and staff member the data belongs to. */
	public void require(String field, RegionCode code, String departmentCode, String staffNo) {
		if (!covers(code, departmentCode, staffNo)) {
			throw refusal(field);
		}
	}

	/** The refusal of a value outside this scope, for set-based paths that answer each record on its own. */
	public HcpException refusal(String field) {
		return new HcpException(HttpStatus.FORBIDDEN, "OUT_OF_SCOPE",
				Bilingual.of(field + " 不在本账号的数据范围内", field + " is outside this account's data scope"),
				List.of(FieldProblem.of(field, "超出数据范围 " + this, "outside " + this)));
	}

	private static String nonBlank(String value) {
		// a department or staff account without its code sees nothing rather than everything of its region
		return value == null || value.isBlank() ? "\u0000none" : value;
	}

	@Override
	public String toString() {
		if (region == null) {
			return "everywhere";
		}
		return "region " + region + (department == null ? "" : " department " + department)
				+ (staff == null ? "" : " staff " + staff);
	}
}
