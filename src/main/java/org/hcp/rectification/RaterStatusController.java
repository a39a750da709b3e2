package org.hcp.rectification;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The rater's status page API (no login: the unguessable token from the reply SMS is the key; rate-limited per
 * address like every public endpoint). Shows the reply and records the rater's own answer, once.
 */
@RestController
@Tag(name = "rater status 评价人查看整改")
class RaterStatusController {

	private final WorkOrders orders;

	RaterStatusController(WorkOrders orders) {
		this.orders = orders;
	}

	@GetMapping("/api/public/rater-status/{token}")
	@Operation(summary = "The reply to the rater and whether they answered; 404 for an unknown link")
	RaterStatus status(@PathVariable String token) {
		return orders.raterStatus(token);
	}

	@PostMapping("/api/public/rater-status/{token}")
	@Operation(summary = "The rater's answer to the reply: SATISFIED, BASICALLY_SATISFIED or NOT_SATISFIED, once")
	RaterStatus answer(@PathVariable String token, @RequestBody Answer body) {
		return orders.answerAsRater(token, body.answer());
	}

	record Answer(RaterAnswer answer) {
	}
}
