package org.hcp.exchange;

import java.util.Arrays;
import java.util.Optional;

/**
 * The record lists of the national envelope's {@code params}, in the order a receiver processes them: a case's
 * service record before its evaluation, an evaluation before its work order's steps, those before an appeal decision.
 */
public enum RecordKind {
	/** 服务记录 (办件) */
	SERVICE("service"),
	/** 评价记录 */
	EVALUATE("evaluate"),
	/** 整改记录: one work-order step of a bad review */
	RECTIFICATION("rectification"),
	/** 申诉复核结果 */
	APPEAL("appeal");

	private final String list;

	RecordKind(String list) {
		this.list = list;
	}

	/** The key of this list in {@code params}. */
	public String list() {
		return list;
	}

	public static Optional<RecordKind> ofList(String list) {
		return Arrays.stream(values()).filter(k -> k.list.equals(list)).findFirst();
	}
}
