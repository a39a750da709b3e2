package org.hcp.rectification;

/**
 * Who handles a remote order 下级平台办理 (ADR 0033): the lower platform's app id, its registered name (null when it is
 * not registered any more), its own order number and the last step applied here.
 */
public record RemoteHandling(String peer, String peerName, String orderNo, long lastStep) {

	/** What the screens show: the platform's name, or its app id. */
	public String label() {
		return peerName == null || peerName.isBlank() ? peer : peerName;
	}
}
