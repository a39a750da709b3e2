package org.hcp.rectification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hcp.security.Caller;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which deadlines a region works to: the profile it sets, else its parent's, up to the province, else the configured
 * default (a region inherits its parent's unless it sets its own). The profiles and their numbers are configuration
 * ({@code hcp.rectification.profiles}); which region uses which is data an administrator sets.
 */
@Service
class RuleProfiles {

	private final Map<String, RuleProfile> profiles;
	private final String defaultCode;
	private final JdbcClient jdbc;
	private final Clock clock;

	RuleProfiles(RectificationProperties properties, JdbcClient jdbc, Clock clock) {
		this.profiles = properties.ruleProfiles();
		this.defaultCode = properties.defaultProfile();
		if (!profiles.containsKey(defaultCode)) {
			throw new IllegalStateException("hcp.rectification.default-profile names no profile: " + defaultCode);
		}
		this.jdbc = jdbc;
		this.clock = clock;
	}

	List<RuleProfile> all() {
		return List.copyOf(profiles.values());
	}

	String defaultCode() {
		return defaultCode;
	}

	/** The profile by code; an order keeps the profile it was opened under. */
	RuleProfile byCode(String code) {
		RuleProfile p = profiles.get(code);
		return p != null ? p : profiles.get(defaultCode);
	}

	/** The profile a region works to, and the region it was set on (null when it is the default). */
	Effective effective(RegionCode region) {
		List<String> chain = new ArrayList<>();
		for (RegionCode r = region; r != null; r = r.parent()) {
			chain.add(r.value());
		}
		Map<String, String> set = new java.util.HashMap<>();
		jdbc.sql("select region_code, profile_code from rct_region_profile where region_code in (:codes)")
			.param("codes", chain)
			.query((rs, i) -> set.put(rs.getString(1), rs.getString(2)))
			.list();
		for (String code : chain) {
			String profile = set.get(code);
			if (profile != null && profiles.containsKey(profile)) {
				return new Effective(profiles.get(profile), code);
			}
		}
		return new Effective(profiles.get(defaultCode), null);
	}

	/** Sets the profile of a region (its descendants inherit it unless they set their own). */
	@Transactional
	Effective set(RegionCode region, String profileCode) {
		if (profileCode == null || !profiles.containsKey(profileCode)) {
			throw HcpException.invalid("profile", "UNKNOWN_PROFILE", "没有该时限规则：" + profileCode + "，可选：" + profiles.keySet(),
					"No rule profile " + profileCode + "; known: " + profiles.keySet());
		}
		String by = Caller.current().map(Caller::name).orElse("system");
		jdbc.sql("""
				insert into rct_region_profile (region_code, profile_code, set_at, set_by) values (:region, :profile, :at, :by)
				on conflict (region_code) do update set profile_code = excluded.profile_code, set_at = excluded.set_at,
				set_by = excluded.set_by""")
			.param("region", region.value())
			.param("profile", profileCode)
			.param("at", Timestamp.from(clock.instant()))
			.param("by", by)
			.update();
		return effective(region);
	}

	/** Removes a region's own profile, so it inherits again; false when it had none. */
	@Transactional
	boolean unset(RegionCode region) {
		return jdbc.sql("delete from rct_region_profile where region_code = :region").param("region", region.value())
			.update() > 0;
	}

	Optional<String> ownCode(RegionCode region) {
		return jdbc.sql("select profile_code from rct_region_profile where region_code = :region")
			.param("region", region.value())
			.query(String.class)
			.optional();
	}

	/** The profile in force for a region, and where it was set (null: the configured default). */
	record Effective(RuleProfile profile, String setOnRegion) {
	}
}
