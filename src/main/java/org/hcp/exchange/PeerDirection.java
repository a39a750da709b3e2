package org.hcp.exchange;

/** Which way records flow with a peer platform. */
public enum PeerDirection {
	/** 下级平台: pushes to us; we check its signature and decrypt its records */
	LOWER,
	/** 上级平台: we push to it; we encrypt records for its public key */
	UPPER
}
