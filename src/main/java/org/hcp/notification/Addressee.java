package org.hcp.notification;

/**
 * Who an in-app message 站内消息 is for: one person, a department (all its handlers), a staff member, or the
 * service-management office of a region (its OFFICE people, that region exactly). {@code region} is where the
 * addressee belongs, kept with the message so that scope can be checked on reading.
 */
record Addressee(Kind kind, String value, String region) {

	enum Kind {
		/** one account, by user id */
		USER,
		/** a responsible department 责任单位, by its unified social credit code */
		DEPARTMENT,
		/** a window staff member 窗口工作人员, by staff number */
		STAFF,
		/** the 政务服务管理办公室 of a region, by region code */
		OFFICE
	}

	static Addressee user(long userId, String region) {
		return new Addressee(Kind.USER, Long.toString(userId), region);
	}

	static Addressee department(String departmentCode, String region) {
		return new Addressee(Kind.DEPARTMENT, departmentCode, region);
	}

	static Addressee staff(String staffNo, String region) {
		return new Addressee(Kind.STAFF, staffNo, region);
	}

	static Addressee office(String region) {
		return new Addressee(Kind.OFFICE, region, region);
	}

	/** Part of a message's unique key: the same event tells each addressee once. */
	String key() {
		return kind + ":" + value;
	}
}
