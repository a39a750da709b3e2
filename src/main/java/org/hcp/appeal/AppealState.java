package org.hcp.appeal;

/** Where an appeal 申诉 stands. */
public enum AppealState {
	/** 待复核: filed; the work order's deadlines are paused until the office decides */
	PENDING,
	/** 申诉成立: upheld as 误评 or 恶意评价; the rating is kept but excluded, the order closed */
	UPHELD,
	/** 申诉驳回: rejected; the work order resumes */
	REJECTED
}
