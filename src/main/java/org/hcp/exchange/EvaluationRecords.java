package org.hcp.exchange;

import java.util.Arrays;
import java.util.List;

import org.hcp.cases.CaseNo;
import org.hcp.evaluation.Channel;
import org.hcp.evaluation.ExchangeRating;
import org.hcp.evaluation.Rater;
import org.hcp.privacy.Mobile;
import org.hcp.shared.HcpException;
import org.hcp.shared.Level;

import tools.jackson.databind.JsonNode;

/**
 * Maps a national-style evaluation record: pf 1–7, satisfaction 1–5 with 5 = 非常满意, evalDetail "501,502". The optional
 * {@code isDefault} marks the sender's own default rating 默认评价: it names no channel (pf absent or 0) and no rater.
 */
final class EvaluationRecords {

	private EvaluationRecords() {
	}

	static ExchangeRating parse(JsonNode node) {
		Fields f = new Fields(node);
		String projectNo = CaseNo.parse("projectNo", f.text("projectNo")).value();
		int serviceNumber = f.positive("serviceNumber");
		boolean isDefault = f.bool("isDefault", false);
		int pf = isDefault ? f.code("pf", 0, List.of(0, 1, 2, 3, 4, 5, 6, 7))
				: f.code("pf", null, List.of(1, 2, 3, 4, 5, 6, 7));
		Channel channel = isDefault ? Channel.DEFAULT : Channel.ofPf(pf).orElseThrow();
		Level level = Level.ofStars("satisfaction", f.code("satisfaction", null, List.of(1, 2, 3, 4, 5)));
		String detail = f.optional("evalDetail", 200);
		List<String> indicators = detail == null ? List.of()
				: Arrays.stream(detail.split("[,，]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
		String writing = f.optional("writingEvaluation", 1000);
		int assessNumber = f.code("assessNumber", 1, List.of(1, 2));
		String userName = f.optional("userName", 100);
		String certKey = f.optional("certKey", 64);
		Mobile mobile = Mobile.parseOptional("mobile", f.text("mobile"));
		if (indicators.stream().anyMatch(code -> code.length() > 10)) {
			throw HcpException.invalid("evalDetail", "BAD_INDICATOR", "evalDetail 应为逗号分隔的指标代码",
					"evalDetail must be comma-separated indicator codes");
		}
		return new ExchangeRating(projectNo, serviceNumber, channel, level, indicators, writing,
				f.time("assessTime"), assessNumber, new Rater(userName, "111", certKey, mobile), isDefault, null);
	}
}
