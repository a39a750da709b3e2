package org.hcp.analytics;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The name of a subject from the catalog; a staff member is shown by staff number only, never by a personal name. */
final class StatisticsNames {

	private StatisticsNames() {
	}

	static String of(JdbcClient jdbc, Dimension dimension, String key) {
		String sql = switch (dimension) {
			case REGION -> "select name from cat_region where code = :key";
			case INSTITUTION -> "select name from cat_institution where code = :key";
			case DEPARTMENT -> "select name from cat_department where code = :key";
			case WINDOW -> "select name from cat_window where code = :key";
			case ITEM -> "select name from cat_service_item where code = :key";
			case STAFF -> null;
		};
		if (sql == null) {
			return key;
		}
		return jdbc.sql(sql).param("key", key).query(String.class).optional().orElse(key);
	}
}
