package org.hcp.rectification;

/** How a department rectifies. */
public enum RectifyMode {
	/** 立行立改: at once, with evidence */
	AT_ONCE,
	/** 台账管理: a ledger entry with a planned deadline, rectified with evidence later */
	LEDGER
}
