package org.hcp.analytics;

/**
 * The Wilson score lower bound of a good-review share (ADR 0027): the share a unit has at least, with the chosen
 * confidence, given its counted ratings. Small units get a low bound however perfect their few ratings are, so 3 of 3
 * good ranks below 2,900 of 3,000.
 */
final class RankingBound {

	private RankingBound() {
	}

	/**
	 * The normal quantile of a two-sided confidence: 0.95 → 1.959964. Acklam's rational approximation of the inverse
	 * normal distribution (relative error below 1.2e-9).
	 */
	static double z(double confidence) {
		if (!(confidence > 0 && confidence < 1)) {
			throw new IllegalArgumentException("a confidence lies strictly between 0 and 1: " + confidence);
		}
		return inverseNormal(1 - (1 - confidence) / 2);
	}

	/** The Wilson lower bound of {@code good / n} at quantile {@code z}; 0 for a unit without ratings. */
	static double lower(long good, long n, double z) {
		if (good < 0 || good > n) {
			throw new IllegalArgumentException("good " + good + " of " + n);
		}
		if (n == 0) {
			return 0;
		}
		double p = (double) good / n;
		double z2 = z * z;
		double centre = p + z2 / (2.0 * n);
		double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
		return Math.max(0, (centre - spread) / (1 + z2 / n));
	}

	private static final double[] A = { -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
			1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00 };
	private static final double[] B = { -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
			6.680131188771972e+01, -1.328068155288572e+01 };
	private static final double[] C = { -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
			-2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00 };
	private static final double[] D = { 7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
			3.754408661907416e+00 };

	static double inverseNormal(double p) {
		double low = 0.02425;
		if (p < low) {
			double q = Math.sqrt(-2 * Math.log(p));
			return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
					/ ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
		}
		if (p > 1 - low) {
			return -inverseNormal(1 - p);
		}
		double q = p - 0.5;
		double r = q * q;
		return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
				/ (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
	}
}
