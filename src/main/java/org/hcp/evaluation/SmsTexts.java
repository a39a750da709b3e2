package org.hcp.evaluation;

import org.hcp.cases.CaseView;
import org.hcp.shared.Level;

/**
 * The texts of the rating SMS: short, and each says exactly what to reply. They belong to rating (what to reply is a
 * rating rule); notification only delivers them.
 */
final class SmsTexts {

	private static final String SCALE = "5非常满意 4满意 3基本满意 2不满意 1非常不满意";

	private SmsTexts() {
	}

	/** The invitation, with the case's short link to the rating page ({@link CaseLinks}) for those who prefer a page. */
	static String invitation(CaseView c, String link) {
		return "【好差评】您办理的“" + name(c) + "”（办件号" + c.caseNo() + "）已办结，请回复数字评价：" + SCALE
				+ "。差评请同时写明原因，如“2 等候时间长”。也可打开 " + link + " 评价。";
	}

	static String reminder(CaseView c, String link) {
		return "【好差评】您办理的“" + name(c) + "”（办件号" + c.caseNo() + "）尚未评价，请回复数字评价：" + SCALE
				+ "，或打开 " + link + " 评价。逾期未评价将默认为“满意”。";
	}

	static String thanks(Level level) {
		return "【好差评】感谢您的评价（" + level.stars() + "星）。" + (level.isBad() ? "您反映的问题将有专人核实整改并回复。" : "");
	}

	static String reasonRequired(Level level) {
		return "【好差评】差评请同时写明不满意的原因，例如回复“" + level.stars() + " 等候时间长”。本次回复未记录。";
	}

	static String unrecognised() {
		return "【好差评】未能识别您的回复。请回复一个数字评价：" + SCALE + "。本次回复未记录。";
	}

	static String noInvitation() {
		return "【好差评】未找到您待评价的办件，本次回复未记录。";
	}

	static String refused(String reason) {
		return "【好差评】评价未能记录：" + reason;
	}

	private static String name(CaseView c) {
		return c.itemName() != null ? c.itemName() : c.title() != null ? c.title() : c.itemCode();
	}
}
