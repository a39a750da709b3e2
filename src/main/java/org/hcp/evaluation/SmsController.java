package org.hcp.evaluation;

import java.time.OffsetDateTime;
import java.util.Map;

import org.hcp.privacy.Mobile;
import org.hcp.shared.HcpException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The SMS carrier delivers replies here. Every reply gets an answer SMS; the outcome says what happened. */
@RestController
@Tag(name = "evaluation 评价")
class SmsController {

	private final SmsReplies replies;

	SmsController(SmsReplies replies) {
		this.replies = replies;
	}

	@PostMapping("/api/v1/sms/inbound")
	@Operation(summary = "An inbound SMS {from, text, at}: a reply 1–5 to the latest open invitation becomes a rating")
	Map<String, Object> inbound(@RequestBody InboundSms sms) {
		if (sms.from() == null || sms.from().isBlank()) {
			throw HcpException.invalid("from", "REQUIRED", "发送号码不能为空", "from is required");
		}
		Mobile from = Mobile.parseOptional("from", sms.from());
		SmsReplies.Result result = replies.receive(from, sms.text(), sms.at() == null ? null : sms.at().toInstant());
		return Map.of("outcome", result.outcome(), "caseNo", result.caseNo() == null ? "" : result.caseNo(),
				"evaluations", result.evaluations(), "answer", result.answer());
	}

	record InboundSms(String from, String text, OffsetDateTime at) {
	}
}
