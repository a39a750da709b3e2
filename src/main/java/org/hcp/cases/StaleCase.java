package org.hcp.cases;

import org.springframework.dao.OptimisticLockingFailureException;

/** Another writer changed the case since it was loaded: its version no longer matches. */
class StaleCase extends OptimisticLockingFailureException {

	StaleCase(String caseNo) {
		super("Case " + caseNo + " was changed concurrently");
	}
}
