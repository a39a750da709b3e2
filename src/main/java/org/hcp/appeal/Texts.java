package org.hcp.appeal;

import org.hcp.shared.HcpException;

/** Free texts of an appeal: trimmed, limited in length, without NUL characters (which the database cannot hold). */
final class Texts {

	private Texts() {
	}

	static String required(String field, String label, String text, int max) {
		String t = optional(field, label, text, max);
		if (t == null) {
			throw HcpException.invalid(field, "REQUIRED", label + "不能为空", field + " is required");
		}
		return t;
	}

	static String optional(String field, String label, String text, int max) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip();
		if (t.codePointCount(0, t.length()) > max || t.indexOf('\u0000') >= 0) {
			throw HcpException.invalid(field, "TOO_LONG", label + "不能超过 " + max + " 字，且不能含有空字符",
					field + " is at most " + max + " characters, without NUL characters");
		}
		return t;
	}
}
