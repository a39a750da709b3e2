package org.hcp.cases;

/** How the case was applied for. */
public enum ApplyChannel {
	/** 窗口 at a hall window */
	WINDOW,
	/** 网上 on the web portal */
	ONLINE,
	/** 掌上 in the mobile app or mini-program */
	MOBILE,
	/** 邮寄 by mail */
	MAIL;

	public boolean isOnline() {
		return this == ONLINE || this == MOBILE;
	}
}
