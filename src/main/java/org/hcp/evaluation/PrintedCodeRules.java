package org.hcp.evaluation;

import org.hcp.catalog.StaffView;
import org.hcp.evaluation.rules.OneCodeOneAccount;

/**
 * The rating rules a printed code must satisfy before it is printed, for the modules that print them (the rating
 * doors): the same named policies the binding-token issue applies, so a card and a token can never disagree.
 */
public final class PrintedCodeRules {

	private PrintedCodeRules() {
	}

	/** 一码一账号: an active staff member at their own window; 422 naming {@code staffNo} otherwise. */
	public static void requireOwnWindow(StaffView staff, String windowCode) {
		OneCodeOneAccount.check(staff, windowCode);
	}
}
