package org.hcp.rectification;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The numbers of rectification (domain §7), each a default an administrator may change.
 *
 * @param defaultProfile the rule profile of a region that neither sets one nor has an ancestor that does
 * @param profiles the rule profiles by code: verify, rectify and revisit terms
 * @param escalateAfter working days a step may stay overdue before the office is asked to supervise (督办)
 * @param callAttemptsBeforeUnreachable recorded call attempts before a revisit may be "unreachable"
 * @param evidenceMaxSize the largest evidence file (no larger than spring.servlet.multipart.max-file-size)
 * @param statusLinkBase what the rater's status link starts with (e.g. https://hcp.example.gov.cn); the path is /r/{token}
 */
@ConfigurationProperties("hcp.rectification")
record RectificationProperties(@DefaultValue("standard") String defaultProfile, Map<String, Profile> profiles,
		@DefaultValue("3") int escalateAfter, @DefaultValue("3") int callAttemptsBeforeUnreachable,
		@DefaultValue("1MB") DataSize evidenceMaxSize, @DefaultValue("") String statusLinkBase) {

	RectificationProperties {
		profiles = profiles == null || profiles.isEmpty() ? Map.of("standard", Profile.STANDARD) : profiles;
	}

	/** One profile's terms, e.g. {@code rectify-within: 15 NATURAL_DAYS}. */
	record Profile(String name, @DefaultValue("1 WORKING_DAYS") Term verifyWithin,
			@DefaultValue("10 WORKING_DAYS") Term rectifyWithin, @DefaultValue("5 WORKING_DAYS") Term revisitWithin) {

		static final Profile STANDARD = new Profile("标准时限", Term.workingDays(1), Term.workingDays(10),
				Term.workingDays(5));

		RuleProfile toRules(String code) {
			return new RuleProfile(code, name == null ? code : name, new VerificationDeadline(verifyWithin),
					new RectificationDeadline(rectifyWithin), new RevisitDeadline(revisitWithin));
		}
	}

	Map<String, RuleProfile> ruleProfiles() {
		Map<String, RuleProfile> rules = new LinkedHashMap<>();
		profiles.forEach((code, p) -> rules.put(code, p.toRules(code)));
		return rules;
	}
}
