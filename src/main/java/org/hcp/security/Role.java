package org.hcp.security;

/** What a caller may do. */
public enum Role {
	/** 管理员: catalog, calendar, keys, jobs, integrity verification, everything else */
	ADMIN,
	/** 业务系统/渠道/下级平台: pushes cases and ratings, issues binding tokens */
	PLATFORM,
	/** 短信网关: delivers inbound SMS replies */
	SMS_GATEWAY
}
