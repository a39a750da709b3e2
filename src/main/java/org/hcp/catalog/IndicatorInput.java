package org.hcp.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.hcp.shared.Level;

/** Reads one indicator from a JSON body or a CSV line, and shows one. */
final class IndicatorInput {

	static final Set<String> FIELDS = Set.of("code", "level", "family", "text");
	private static final Set<String> FAMILIES = Set.of(ChannelFamily.ONLINE.name(), ChannelFamily.OFFLINE.name());

	private IndicatorInput() {
	}

	/** Null when a field is wrong; the problems are in {@code in}. The code is read from {@code in} unless given. */
	static Indicator read(int version, String givenCode, Fields in) {
		String code = givenCode != null ? givenCode : in.code("code", 10, "", true);
		if (givenCode != null && in.raw("code") != null && !in.raw("code").equals(givenCode)) {
			in.problem("code", "与路径中的指标代码不一致", "differs from the indicator code in the path");
		}
		Integer stars = in.integer("level", 1, 5, true);
		String family = in.oneOf("family", FAMILIES, true);
		String text = in.text("text", 100, true);
		if (code == null || stars == null || family == null || text == null) {
			return null;
		}
		return new Indicator(version, code, Level.ofStars("level", stars), ChannelFamily.valueOf(family), text);
	}

	static Map<String, Object> view(Indicator indicator) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("code", indicator.code());
		view.put("level", indicator.level().stars());
		view.put("family", indicator.family().name());
		view.put("text", indicator.text());
		return view;
	}
}
