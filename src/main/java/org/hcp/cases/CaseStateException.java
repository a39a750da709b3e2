package org.hcp.cases;

import java.util.List;

import org.hcp.shared.Bilingual;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.springframework.http.HttpStatus;

/** A change the case's current state does not allow (409): the aggregate refused it, nothing was stored. */
class CaseStateException extends HcpException {

	CaseStateException(String field, String code, String zh, String en) {
		super(HttpStatus.CONFLICT, code, Bilingual.of(zh, en), List.of(FieldProblem.of(field, zh, en)));
	}
}
