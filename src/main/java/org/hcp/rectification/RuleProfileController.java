package org.hcp.rectification;

import java.util.List;

import org.hcp.shared.RegionCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Rule profiles 时限规则 (admin): which profiles exist, and which one a region works to. */
@RestController
@Tag(name = "rule profiles 时限规则")
class RuleProfileController {

	private final RuleProfiles profiles;

	RuleProfileController(RuleProfiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/api/v1/admin/rule-profiles")
	@Operation(summary = "The rule profiles with their terms, and the default")
	Profiles list() {
		return new Profiles(profiles.defaultCode(), profiles.all().stream().map(ProfileView::of).toList());
	}

	@GetMapping("/api/v1/admin/rule-profiles/regions/{regionCode}")
	@Operation(summary = "The profile a region works to: its own, inherited from an ancestor, or the default")
	RegionProfile region(@PathVariable String regionCode) {
		return regionProfile(RegionCode.parse("regionCode", regionCode));
	}

	@PutMapping("/api/v1/admin/rule-profiles/regions/{regionCode}")
	@Operation(summary = "Set a region's profile (the regions below inherit it unless they set their own)")
	RegionProfile set(@PathVariable String regionCode, @RequestBody SetProfile body) {
		RegionCode region = RegionCode.parse("regionCode", regionCode);
		profiles.set(region, body.profile());
		return regionProfile(region);
	}

	@DeleteMapping("/api/v1/admin/rule-profiles/regions/{regionCode}")
	@Operation(summary = "Remove a region's own profile: it inherits again")
	ResponseEntity<Void> unset(@PathVariable String regionCode) {
		profiles.unset(RegionCode.parse("regionCode", regionCode));
		return ResponseEntity.noContent().build();
	}

	private RegionProfile regionProfile(RegionCode region) {
		RuleProfiles.Effective effective = profiles.effective(region);
		return new RegionProfile(region.value(), profiles.ownCode(region).orElse(null),
				ProfileView.of(effective.profile()), effective.setOnRegion());
	}

	record SetProfile(String profile) {
	}

	record Profiles(String defaultProfile, List<ProfileView> profiles) {
	}

	record ProfileView(String code, String name, String verifyWithin, String rectifyWithin, String revisitWithin) {

		static ProfileView of(RuleProfile p) {
			return new ProfileView(p.code(), p.name(), p.verify().within().toString(), p.rectify().within().toString(),
					p.revisit().within().toString());
		}
	}

	/** A region's own profile (null when it inherits), the one in force, and the region it was set on (null: default). */
	record RegionProfile(String regionCode, String ownProfile, ProfileView effective, String inheritedFrom) {
	}
}
