package org.hcp.security;

/** What a caller may do. Systems hold API keys with one role; people hold accounts with one or more. */
public enum Role {
	/** 管理员: catalog, calendar, keys, users, jobs, integrity verification, everything else */
	ADMIN,
	/** 业务系统/渠道/下级平台: pushes cases and ratings, issues binding tokens */
	PLATFORM,
	/** 短信网关: delivers inbound SMS replies */
	SMS_GATEWAY,
	/** 12345 热线坐席: first check of bad reviews, phone revisits, hotline ratings */
	HOTLINE,
	/** 责任单位经办人: verifies and rectifies the bad reviews of its own department */
	DEPARTMENT,
	/** 政务服务管理办公室: supervises its region and everything below, approves, decides appeals, closes */
	OFFICE,
	/** 窗口工作人员: sees their own ratings and bad reviews, appeals */
	STAFF,
	/** 第三方评估人员: random-sample phone revisits and independent assessment */
	ASSESSOR
}
