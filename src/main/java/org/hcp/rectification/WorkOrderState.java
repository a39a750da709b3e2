package org.hcp.rectification;

/** Where a work order 差评工单 stands (domain §7). A pending appeal pauses the deadlines, not the state. */
public enum WorkOrderState {
	/** 待初核: opened from a bad review, waiting for the 12345 first check */
	RECEIVED,
	/** 无效差评: the first check found it invalid (with a reason); ends here */
	INVALID,
	/** 已派单: valid, dispatched to the responsible department, to be verified with the rater */
	DISPATCHED,
	/** 已核实: the department contacted the rater and checked the facts; to be rectified (at once or in the ledger) */
	VERIFIED,
	/** 整改中: a ledger entry 台账 with a planned deadline; to be rectified with evidence by then */
	RECTIFYING,
	/** 无法整改待审: the department reported it cannot be rectified; the office approves or sends it back */
	UNRECTIFIABLE_REPORTED,
	/** 无法整改已认定: the office accepted that it cannot be rectified; to be explained to the rater */
	UNRECTIFIABLE_APPROVED,
	/** 已整改: rectified with evidence (at once or as a ledger entry with a deadline); to be replied to the rater */
	RECTIFIED,
	/** 已反馈: answered to the rater, who was asked again for satisfaction; waiting for the revisit */
	REPLIED,
	/** 已回访: revisit outcome recorded (satisfied, partly, unreachable); waiting for 销号 */
	REVISITED,
	/** 已销号: closed by the office */
	CLOSED,
	/** 申诉成立: an appeal was upheld; the rating is kept but excluded from statistics */
	CLOSED_BY_APPEAL;

	public boolean isOpen() {
		return this != INVALID && this != CLOSED && this != CLOSED_BY_APPEAL;
	}
}
