package org.hcp.shared;

import java.util.regex.Pattern;

/**
 * A 12-digit administrative region code (行政区划代码): 2 digits province, 2 city, 2 county, 3 township,
 * 3 village. Six-digit codes are padded with zeros. The level is read from which parts are non-zero.
 */
public record RegionCode(String value) {

	private static final int[] PREFIX_BY_LEVEL = { 0, 2, 4, 6, 9, 12 };
	private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

	public RegionCode {
		if (value == null || !TWELVE_DIGITS.matcher(value).matches() || value.startsWith("00")) {
			throw HcpException.invalid("regionCode", "BAD_REGION_CODE", "行政区划代码应为12位数字（6位代码请补零）",
					"A region code has 12 digits (pad 6-digit codes with zeros)");
		}
	}

	/** Accepts 6- or 12-digit codes; a 6-digit code is padded with six zeros. */
	public static RegionCode parse(String field, String text) {
		if (text == null || text.isBlank()) {
			throw HcpException.invalid(field, "REQUIRED", field + " 不能为空", field + " is required");
		}
		String trimmed = text.trim();
		String padded = trimmed.length() == 6 ? trimmed + "000000" : trimmed;
		if (!TWELVE_DIGITS.matcher(padded).matches() || padded.startsWith("00")) {
			throw HcpException.invalid(field, "BAD_REGION_CODE", field + " 应为12位行政区划代码（6位代码补零）",
					field + " must be a 12-digit region code (6-digit codes are padded with zeros)");
		}
		return new RegionCode(padded);
	}

	/** 1 province 省, 2 city 市, 3 county 县/区, 4 township 乡镇/街道, 5 village 村/社区. */
	public int level() {
		if (!value.substring(9).equals("000")) {
			return 5;
		}
		if (!value.substring(6, 9).equals("000")) {
			return 4;
		}
		if (!value.substring(4, 6).equals("00")) {
			return 3;
		}
		return value.substring(2, 4).equals("00") ? 1 : 2;
	}

	/** The digits every region inside this one starts with. */
	public String prefix() {
		return value.substring(0, PREFIX_BY_LEVEL[level()]);
	}

	public boolean contains(RegionCode other) {
		return other.value.startsWith(prefix());
	}

	/** The code of the region one level up, or null for a province. */
	public RegionCode parent() {
		int level = level();
		if (level == 1) {
			return null;
		}
		String kept = value.substring(0, PREFIX_BY_LEVEL[level - 1]);
		return new RegionCode(kept + "0".repeat(12 - kept.length()));
	}

	@Override
	public String toString() {
		return value;
	}
}
