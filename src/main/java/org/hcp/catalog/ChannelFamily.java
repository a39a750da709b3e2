package org.hcp.catalog;

/** Indicators differ for services rated online (portal, app) and offline (hall, window, kiosk). */
public enum ChannelFamily {
	/** 线上: web portal, mobile app, online-handled cases */
	ONLINE,
	/** 线下: halls, windows, evaluators, kiosks, paper forms */
	OFFLINE
}
