package org.hcp.analytics;

import java.util.Optional;

import org.hcp.security.Caller;
import org.hcp.security.RegionScope;
import org.hcp.security.Role;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may read which figures: offices, platforms and admins the units inside their region (a unit's region comes
 * from the catalog: a department's, an institution's, a window's institution's, a staff member's institution's);
 * items are installation-wide, so only callers who see everywhere read them; a department handler only its own
 * department. An unknown unit is 404, a unit outside the scope 403 OUT_OF_SCOPE.
 */
@Component
class StatisticsScope {

	private final JdbcClient jdbc;

	StatisticsScope(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The subject with its key in canonical form, once the caller may read it. */
	Subject require(Subject subject) {
		Caller.requireAny(Role.ADMIN, Role.PLATFORM, Role.OFFICE, Role.DEPARTMENT);
		RegionScope scope = RegionScope.current();
		Subject canonical = subject.dimension() == Dimension.REGION
				? new Subject(Dimension.REGION, RegionCode.parse("key", subject.key()).value(), subject.channel())
				: subject;
		if (scope.department().isPresent() && !(canonical.dimension() == Dimension.DEPARTMENT
				&& canonical.key().equals(scope.department().get()))) {
			throw scope.refusal("key");
		}
		Optional<String> region = regionOf(canonical);
		if (canonical.dimension() == Dimension.ITEM || region.get().isEmpty()) {
			if (scope.region().isPresent()) {
				throw scope.refusal("key");
			}
			return canonical;
		}
		scope.require("key", new RegionCode(region.get()));
		return canonical;
	}

	/** The region the subject belongs to ("" when the catalog names none); 404 when the catalog does not know it. */
	private Optional<String> regionOf(Subject subject) {
		String sql = switch (subject.dimension()) {
			case REGION -> "select code from cat_region where code = :key";
			case INSTITUTION -> "select region_code from cat_institution where code = :key";
			case DEPARTMENT -> "select coalesce(region_code, '') from cat_department where code = :key";
			case WINDOW -> """
					select i.region_code from cat_window w join cat_institution i on i.code = w.institution_code
					where w.code = :key""";
			case STAFF -> """
					select i.region_code from cat_staff s join cat_institution i on i.code = s.institution_code
					where s.staff_no = :key""";
			case ITEM -> "select '' from cat_service_item where code = :key";
		};
		Optional<String> region = jdbc.sql(sql).param("key", subject.key()).query(String.class).optional();
		if (region.isEmpty()) {
			throw HcpException.notFound("key", "UNKNOWN_SUBJECT", "目录中没有该统计对象",
					"the catalog has no such unit to count");
		}
		return region.map(String::trim);
	}
}
