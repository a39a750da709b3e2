package org.hcp.catalog;

/** The unified social credit code 统一社会信用代码 (GB 32100-2015): 18 characters, the last a mod-31 check. */
final class CreditCode {

	private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private CreditCode() {
	}

	static boolean isValid(String code) {
		if (code == null || code.length() != 18) {
			return false;
		}
		for (int i = 0; i < 18; i++) {
			if (CHARS.indexOf(code.charAt(i)) < 0) {
				return false;
			}
		}
		return checkChar(code.substring(0, 17)) == code.charAt(17);
	}

	/** The check character for the first 17 characters. */
	static char checkChar(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CHARS.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		return CHARS.charAt((31 - sum % 31) % 31);
	}
}
