package org.hcp.cases;

/** How a case is handled; decides how often it may be rated (domain §6.1). */
public enum CaseType {
	/** 即办件: done on the spot; rated once, after completion (exchange promiseTime 1) */
	ON_THE_SPOT,
	/** 承诺件: finished by a promised date; the rater may rate each visit (exchange promiseTime 2) */
	PROMISED
}
