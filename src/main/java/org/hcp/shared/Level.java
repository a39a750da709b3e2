package org.hcp.shared;

/**
 * The five rating levels. One internal enum; every boundary maps to and from it explicitly
 * (the exchange uses 5 = 非常满意, GB/T 39046 A.8 the reverse). The one place that says what a good and a bad
 * review is (domain §4: ≥ 3 stars good, ≤ 2 stars bad 差评): everything else asks {@link #isBad()}.
 */
public enum Level {

	/** ★ 非常不满意 */
	VERY_DISSATISFIED(1, "非常不满意"),
	/** ★★ 不满意 */
	DISSATISFIED(2, "不满意"),
	/** ★★★ 基本满意 */
	FAIRLY_SATISFIED(3, "基本满意"),
	/** ★★★★ 满意 */
	SATISFIED(4, "满意"),
	/** ★★★★★ 非常满意 */
	VERY_SATISFIED(5, "非常满意");

	private final int stars;
	private final String label;

	Level(int stars, String label) {
		this.stars = stars;
		this.label = label;
	}

	/** From the star count used by our API and the exchange's {@code satisfaction} (5 = 非常满意). */
	public static Level ofStars(String field, Integer stars) {
		if (stars == null) {
			throw HcpException.invalid(field, "REQUIRED", field + " 不能为空", field + " is required");
		}
		if (stars < 1 || stars > 5) {
			throw HcpException.invalid(field, "BAD_LEVEL", field + " 应为1到5之间的整数（5为非常满意）",
					field + " must be an integer from 1 to 5 (5 = very satisfied)");
		}
		return values()[stars - 1];
	}

	/** GB/T 39046 A.8 codes run the other way: 1 = 非常满意 … 5 = 非常不满意. */
	public int gbCode() {
		return 6 - stars;
	}

	public int stars() {
		return stars;
	}

	public String label() {
		return label;
	}

	/** 3 stars and above is a good review. */
	public boolean isGood() {
		return stars >= 3;
	}

	/** 2 stars and below is a bad review 差评. */
	public boolean isBad() {
		return stars <= 2;
	}
}
