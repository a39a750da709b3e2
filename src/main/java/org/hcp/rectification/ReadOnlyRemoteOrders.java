package org.hcp.rectification;

import org.hcp.shared.HcpException;

/**
 * The one guard of remote orders (ADR 0033): an order whose rating a lower platform relayed is handled there, so every
 * action here — API, screen, job, another module's call — is refused with 409 {@code REMOTE_ORDER}. {@link WorkOrders}
 * loads every order it acts on through it, and the repository's save refuses a remote order as well, so an action
 * added later cannot change one even if it forgot to ask.
 */
final class ReadOnlyRemoteOrders {

	private ReadOnlyRemoteOrders() {
	}

	static WorkOrder actingOn(WorkOrder o) {
		if (o.isRemote()) {
			throw refusal(o.remotePeer);
		}
		return o;
	}

	static HcpException refusal(String peer) {
		return HcpException.conflict("orderId", "REMOTE_ORDER", "该工单由下级平台（" + peer + "）办理，本平台只读",
				"This order is handled by the lower platform " + peer + "; it is read-only here");
	}
}
