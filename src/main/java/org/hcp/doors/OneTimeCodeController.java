package org.hcp.doors;

import java.util.Map;

import org.hcp.privacy.Mobile;
import org.hcp.shared.HcpException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The one-time SMS code for the API's token flows (a rating page of ours asks through its own form). */
@RestController
@Tag(name = "evaluation 评价")
class OneTimeCodeController {

	private final OneTimeCodeService codes;

	OneTimeCodeController(OneTimeCodeService codes) {
		this.codes = codes;
	}

	@PostMapping("/api/public/one-time-codes")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send an SMS code to the applicant's mobile (of the case, when named), for a QR or receipt "
			+ "rating proven by the mobile. The same answer whether or not the mobile is an applicant's; 429 when asked too often")
	Map<String, String> send(@RequestBody CodeRequest r) {
		if (r.mobile() == null || r.mobile().isBlank()) {
			throw HcpException.invalid("mobile", "REQUIRED", "手机号码不能为空", "mobile is required");
		}
		codes.send(Mobile.parseOptional("mobile", r.mobile()), r.caseNo());
		return Map.of("status", "ACCEPTED", "message", "如该手机号码为办件登记的号码，验证码已发送 / If this mobile is registered with the case, a code was sent");
	}

	record CodeRequest(String mobile, String caseNo) {
	}
}
