package org.hcp.cases;

import java.util.regex.Pattern;

import org.hcp.shared.HcpException;

/**
 * A case number 办件编号 (exchange: projectNo) as the business system issued it. It is an identifier that goes into
 * URLs, {@code Location} headers, SMS texts and logs, so it is restricted to a URL-safe alphabet: ASCII letters,
 * digits, {@code - _ .}, starting with a letter or digit, at most 64 characters (ADR 0011). A space, a quote, a
 * control character or any other sign is refused before anything is stored.
 */
public record CaseNo(String value) {

	public static final int MAX_LENGTH = 64;
	private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");

	public CaseNo {
		if (!isWellFormed(value)) {
			throw malformed("caseNo");
		}
	}

	/** Reads a case number sent in {@code field}; a 422 naming that field when it is absent or malformed. */
	public static CaseNo parse(String field, String text) {
		if (text == null || text.isBlank()) {
			throw HcpException.invalid(field, "REQUIRED", field + " 不能为空", field + " is required");
		}
		if (!isWellFormed(text)) {
			throw malformed(field);
		}
		return new CaseNo(text);
	}

	public static boolean isWellFormed(String text) {
		return text != null && ALLOWED.matcher(text).matches();
	}

	private static HcpException malformed(String field) {
		return HcpException.invalid(field, "BAD_CASE_NO",
				field + " 应为1到" + MAX_LENGTH + "位的字母、数字或 - _ .，并以字母或数字开头",
				field + " must be 1 to " + MAX_LENGTH + " letters, digits or - _ . starting with a letter or digit");
	}

	@Override
	public String toString() {
		return value;
	}
}
