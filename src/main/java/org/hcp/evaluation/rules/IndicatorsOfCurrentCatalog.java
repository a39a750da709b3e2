package org.hcp.evaluation.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hcp.catalog.ChannelFamily;
import org.hcp.catalog.Indicator;
import org.hcp.catalog.IndicatorSet;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.Level;

/** 评价指标 (domain §4): chosen indicators must belong to the current catalog version, for the rating's level and channel family. */
public final class IndicatorsOfCurrentCatalog {

	public static final int MAX_INDICATORS = 10;

	private IndicatorsOfCurrentCatalog() {
	}

	public static List<FieldProblem> check(IndicatorSet catalog, Level level, ChannelFamily family, List<String> codes) {
		List<FieldProblem> problems = new ArrayList<>();
		if (codes.size() > MAX_INDICATORS) {
			problems.add(FieldProblem.of("indicators", "最多选择" + MAX_INDICATORS + "项指标",
					"at most " + MAX_INDICATORS + " indicators"));
			return problems;
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < codes.size(); i++) {
			String code = codes.get(i);
			String field = "indicators[" + i + "]";
			Indicator indicator = catalog.find(code).orElse(null);
			if (!seen.add(code)) {
				problems.add(FieldProblem.of(field, "指标 " + code + " 重复", "indicator " + code + " appears twice"));
			}
			else if (indicator == null) {
				problems.add(FieldProblem.of(field, "指标 " + code + " 不在现行指标目录（第" + catalog.version() + "版）中",
						"indicator " + code + " is not in the current catalog (version " + catalog.version() + ")"));
			}
			else if (indicator.level() != level) {
				problems.add(FieldProblem.of(field,
						"指标 " + code + " 属于“" + indicator.level().label() + "”，与评价等级“" + level.label() + "”不符",
						"indicator " + code + " belongs to level " + indicator.level().stars() + ", not "
								+ level.stars()));
			}
			else if (indicator.family() != family) {
				problems.add(FieldProblem.of(field, "指标 " + code + " 不适用于" + (family == ChannelFamily.ONLINE ? "线上" : "线下") + "服务",
						"indicator " + code + " is not for " + family.name().toLowerCase() + " services"));
			}
		}
		return problems;
	}
}
