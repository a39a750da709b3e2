package org.hcp.catalog;

import java.util.function.Function;

import org.hcp.shared.RegionCode;

/** A list filter: the query parameter, the column it compares with, and how the parameter is read and checked. */
record Filter(String param, String column, Function<Fields, Object> read) {

	static Filter code(String param, String column) {
		return new Filter(param, column, f -> f.text(param, 64, false));
	}

	static Filter region(String param, String column) {
		return new Filter(param, column, f -> {
			RegionCode code = f.region(param, false);
			return code == null ? null : code.value();
		});
	}

	static Filter level(String param, String column) {
		return new Filter(param, column, f -> f.integer(param, 1, 5, false));
	}

	static Filter flag(String param, String column) {
		return new Filter(param, column, f -> f.raw(param) == null ? null : f.bool(param, false));
	}
}
