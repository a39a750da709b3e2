package org.hcp.analytics;

/**
 * Every figure of domain §10, defined once (ADR 0025, {@code docs/metrics.md}). A count has no denominator; a rate is
 * {@code numerator / denominator} of two counts and is "—" when the denominator is 0. The wording shown next to each
 * figure is in {@code messages*.properties} under {@code analytics.metric.<name>.name} and {@code .definition}.
 */
public enum Metric {
	/** 评价数: counted ratings (stored, minus those an upheld appeal excluded), by assessed day */
	EVALUATIONS,
	/** 主动评价数: counted ratings not produced by the default rule */
	ACTIVE,
	/** 默认评价数 */
	DEFAULT,
	LEVEL_1, LEVEL_2, LEVEL_3, LEVEL_4, LEVEL_5,
	/** 好评数: 3–5 stars */
	GOOD,
	/** 差评数: 1–2 stars */
	BAD,
	/** 主动好评数 */
	ACTIVE_GOOD,
	/** 有效差评数: counted bad ratings whose work order passed the first check */
	VALID_BAD,
	/** 已回复差评数 */
	BAD_REPLIED,
	/** 已整改差评数 */
	BAD_RECTIFIED,
	/** 回访确认整改数: rectified and the revisit did not find the rater unsatisfied */
	BAD_REVISIT_RECTIFIED,
	/** 已回访数 (reached: any outcome but unreachable) */
	BAD_REVISITED,
	/** 回访满意数 */
	BAD_REVISIT_SATISFIED,
	/** 无法整改已认定数 */
	BAD_UNRECTIFIABLE,
	/** 逾期差评数: valid bad ratings whose work order went overdue at least once */
	BAD_OVERDUE,
	/** 办结件数: cases completed in the period */
	CASES_COMPLETED,
	/** 已评价办件数: of those, cases with any counted rating */
	CASES_RATED,
	/** 主动评价办件数: of those, cases with an active counted rating */
	CASES_RATED_ACTIVE,
	/** 申诉数 by filing day, and their outcomes */
	APPEALS_FILED, APPEALS_PENDING, APPEALS_UPHELD_MISTAKEN, APPEALS_UPHELD_MALICIOUS, APPEALS_REJECTED,
	/** 随机回访: answered calls, of which satisfied */
	RANDOM_REVISITS_ANSWERED, RANDOM_REVISITS_SATISFIED,

	/** 好评率 = GOOD / EVALUATIONS */
	GOOD_RATE(GOOD, EVALUATIONS),
	/** 主动评价好评率 = ACTIVE_GOOD / ACTIVE */
	ACTIVE_GOOD_RATE(ACTIVE_GOOD, ACTIVE),
	/** 主动评价率 = ACTIVE / EVALUATIONS */
	ACTIVE_RATE(ACTIVE, EVALUATIONS),
	/** 评价覆盖率 = CASES_RATED / CASES_COMPLETED */
	COVERAGE_RATE(CASES_RATED, CASES_COMPLETED),
	/** 未评率 = 1 − CASES_RATED_ACTIVE / CASES_COMPLETED, shown as (completed − rated actively) / completed */
	UNRATED_RATE(CASES_RATED_ACTIVE, CASES_COMPLETED),
	/** 差评回复率 = BAD_REPLIED / VALID_BAD */
	REPLY_RATE(BAD_REPLIED, VALID_BAD),
	/** 差评整改率 = BAD_RECTIFIED / VALID_BAD */
	RECTIFY_RATE(BAD_RECTIFIED, VALID_BAD),
	/** 回访整改率 = BAD_REVISIT_RECTIFIED / VALID_BAD */
	REVISIT_RECTIFY_RATE(BAD_REVISIT_RECTIFIED, VALID_BAD),
	/** 回访整改满意率 = BAD_REVISIT_SATISFIED / BAD_REVISITED */
	REVISIT_SATISFACTION_RATE(BAD_REVISIT_SATISFIED, BAD_REVISITED),
	/** 随机回访满意率 = RANDOM_REVISITS_SATISFIED / RANDOM_REVISITS_ANSWERED */
	RANDOM_REVISIT_SATISFACTION_RATE(RANDOM_REVISITS_SATISFIED, RANDOM_REVISITS_ANSWERED);

	private final Metric numerator;
	private final Metric denominator;

	Metric() {
		this(null, null);
	}

	Metric(Metric numerator, Metric denominator) {
		this.numerator = numerator;
		this.denominator = denominator;
	}

	public boolean isRate() {
		return denominator != null;
	}

	/** For a rate, the count above the line; for a count, itself. */
	public Metric numerator() {
		return isRate() ? numerator : this;
	}

	/** For a rate, the count below the line; for a count, null. */
	public Metric denominator() {
		return denominator;
	}

	/** 未评率 counts the complement of its numerator: (denominator − numerator) / denominator. */
	public boolean isComplement() {
		return this == UNRATED_RATE;
	}

	/** The message key of the figure's name, e.g. {@code analytics.metric.GOOD_RATE.name}. */
	public String nameKey() {
		return "analytics.metric." + name() + ".name";
	}

	/** The message key of the definition shown next to the figure. */
	public String definitionKey() {
		return "analytics.metric." + name() + ".definition";
	}
}
