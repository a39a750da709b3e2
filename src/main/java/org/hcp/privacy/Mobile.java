package org.hcp.privacy;

import java.util.regex.Pattern;

import org.hcp.shared.HcpException;

/** A mainland mobile number (11 digits, starting with 1). Its {@code toString} is masked so it never reaches a log. */
public record Mobile(String value) {

	private static final Pattern VALID = Pattern.compile("1\\d{10}");
	private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");

	public Mobile {
		if (value == null || !VALID.matcher(value).matches()) {
			throw HcpException.invalid("mobile", "BAD_MOBILE", "手机号码应为以1开头的11位数字",
					"A mobile number has 11 digits and starts with 1");
		}
	}

	/** Null or blank stays absent; anything else must be a valid number (a "+86" prefix and spaces are dropped). */
	public static Mobile parseOptional(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String digits = SEPARATORS.matcher(text).replaceAll("");
		if (digits.startsWith("+86")) {
			digits = digits.substring(3);
		}
		if (!VALID.matcher(digits).matches()) {
			throw HcpException.invalid(field, "BAD_MOBILE", field + " 应为以1开头的11位手机号码",
					field + " must be an 11-digit mobile number starting with 1");
		}
		return new Mobile(digits);
	}

	public String masked() {
		return Masks.mobile(value);
	}

	@Override
	public String toString() {
		return masked();
	}
}
