package org.hcp.supervision;

import org.hcp.rectification.WorkOrderSource;
import org.hcp.security.Role;

/**
 * How a supervision finding came about (domain §9): the four kinds of 监督查评 and the six doors of 综合点评. The
 * source tells which, and who may record it.
 */
enum FindingKind {
	/** 专项检查 */
	INSPECTION(WorkOrderSource.FINDING),
	/** 暗访 by social supervisors */
	MYSTERY_VISIT(WorkOrderSource.FINDING),
	/** 问卷调查 */
	QUESTIONNAIRE(WorkOrderSource.FINDING),
	/** 代表委员体验 (deputies' and CPPCC members' service experience) */
	DEPUTY_EXPERIENCE(WorkOrderSource.FINDING),
	/** 意见箱 */
	SUGGESTION_BOX(WorkOrderSource.COMMENT),
	/** 吐槽找茬窗口 */
	COMPLAINT_WINDOW(WorkOrderSource.COMMENT),
	/** 意见簿 */
	COMMENT_BOOK(WorkOrderSource.COMMENT),
	/** 热线 */
	HOTLINE(WorkOrderSource.COMMENT),
	/** 来信 */
	LETTER(WorkOrderSource.COMMENT),
	/** 电子邮件 */
	EMAIL(WorkOrderSource.COMMENT);

	private final WorkOrderSource source;

	FindingKind(WorkOrderSource source) {
		this.source = source;
	}

	WorkOrderSource source() {
		return source;
	}

	/** Findings are recorded by offices and assessors, comments by offices and 12345 operators. */
	static Role[] recordedBy(WorkOrderSource source) {
		return source == WorkOrderSource.FINDING ? new Role[] { Role.OFFICE, Role.ASSESSOR }
				: new Role[] { Role.OFFICE, Role.HOTLINE };
	}
}
