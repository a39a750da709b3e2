package org.hcp.privacy;

/** How personal data is shown in every response, list, export and log. */
public final class Masks {

	private Masks() {
	}

	/** 张三 → 张*, 欧阳娜娜 → 欧*** */
	public static String name(String name) {
		if (name == null || name.isEmpty()) {
			return name;
		}
		int first = name.offsetByCodePoints(0, 1);
		return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
	}

	/** 13812345678 → 138****5678 */
	public static String mobile(String mobile) {
		if (mobile == null || mobile.length() < 7) {
			return mobile == null ? null : "*".repeat(mobile.length());
		}
		return mobile.substring(0, 3) + "*".repeat(mobile.length() - 7) + mobile.substring(mobile.length() - 4);
	}

	/** 110101199003074512 → 110***********4512 */
	public static String idNumber(String id) {
		if (id == null || id.length() < 8) {
			return id == null ? null : "*".repeat(id.length());
		}
		return id.substring(0, 3) + "*".repeat(id.length() - 7) + id.substring(id.length() - 4);
	}
}
