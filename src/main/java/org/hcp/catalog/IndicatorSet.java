package org.hcp.catalog;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hcp.shared.Level;

/** The indicators of one published catalog version, indexed by code. */
public record IndicatorSet(int version, Map<String, Indicator> byCode) {

	public static IndicatorSet of(int version, Collection<Indicator> indicators) {
		return new IndicatorSet(version,
				Map.copyOf(indicators.stream().collect(Collectors.toMap(Indicator::code, Function.identity()))));
	}

	public Optional<Indicator> find(String code) {
		return Optional.ofNullable(byCode.get(code));
	}

	/** Whether the code belongs to this version for that level and channel family. */
	public boolean allows(String code, Level level, ChannelFamily family) {
		Indicator indicator = byCode.get(code);
		return indicator != null && indicator.level() == level && indicator.family() == family;
	}
}
