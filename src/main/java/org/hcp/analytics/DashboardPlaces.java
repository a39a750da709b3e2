package org.hcp.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hcp.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The regions the dashboard and the public page move between: whether a code exists, the names of a region and the
 * regions above it (the breadcrumb), and the provinces an installation-wide caller starts from. Reads the catalog's
 * region table read-only, as the rollups read other modules' tables (ADR 0026).
 */
@Component
class DashboardPlaces {

	/** A region on the way down: its code, name and level (1 province … 5 village). */
	record Place(String code, String name, int level) {
	}

	private final JdbcClient jdbc;

	DashboardPlaces(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Place> find(RegionCode code) {
		return jdbc.sql("select code, name, level from cat_region where code = :code")
			.param("code", code.value())
			.query((rs, i) -> new Place(rs.getString(1).trim(), rs.getString(2), rs.getInt(3)))
			.optional();
	}

	/** The provinces, by code: where a caller whose scope is everywhere starts. */
	List<Place> provinces() {
		return jdbc.sql("select code, name, level from cat_region where level = 1 order by code")
			.query((rs, i) -> new Place(rs.getString(1).trim(), rs.getString(2), rs.getInt(3)))
			.list();
	}

	/** The region and those above it, from {@code top} (inclusive) down to {@code region}; unknown ones skipped. */
	List<Place> path(RegionCode top, RegionCode region) {
		List<String> codes = new ArrayList<>();
		for (RegionCode c = region; c != null && top.contains(c); c = c.parent()) {
			codes.add(0, c.value());
		}
		Map<String, Place> found = new LinkedHashMap<>();
		jdbc.sql("select code, name, level from cat_region where code in (:codes)")
			.param("codes", codes)
			.query((rs, i) -> new Place(rs.getString(1).trim(), rs.getString(2), rs.getInt(3)))
			.list()
			.forEach(p -> found.put(p.code(), p));
		return codes.stream().map(found::get).filter(p -> p != null).toList();
	}
}
