package org.hcp.rectification;

/** Who holds an order in each state (the ledger's current holder 当前处理方): a role. */
final class Holder {

	private Holder() {
	}

	static String of(WorkOrderState state) {
		return switch (state) {
			case RECEIVED, REPLIED -> "HOTLINE";
			case DISPATCHED, VERIFIED, RECTIFYING, RECTIFIED, UNRECTIFIABLE_APPROVED -> "DEPARTMENT";
			case UNRECTIFIABLE_REPORTED, REVISITED -> "OFFICE";
			case INVALID, CLOSED, CLOSED_BY_APPEAL -> "NONE";
		};
	}
}
