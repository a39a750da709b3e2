package org.hcp.doors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hcp.evaluation.BoundRating;
import org.hcp.evaluation.Channel;
import org.hcp.evaluation.EvaluationView;
import org.hcp.evaluation.RatingDoors;
import org.hcp.shared.Bilingual;
import org.hcp.shared.HcpException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The hall evaluator's tablet 评价器 (pf 4): one page, and the two calls its script makes with the device's secret in
 * {@code X-Device-Key} — the next service bound to the device, and a rating of it (re-sent with the same
 * {@code Idempotency-Key} until acknowledged). The page itself holds no data: a stranger who opens it sees the idle
 * screen and then "not registered".
 */
@Controller
@Tag(name = "doors 评价渠道")
class EvaluatorController {

	static final String KEY_HEADER = "X-Device-Key";

	private final DeviceRegistry devices;
	private final DeviceQueue queue;
	private final RatingDoors doors;
	private final EvaluatorProperties properties;

	EvaluatorController(DeviceRegistry devices, DeviceQueue queue, RatingDoors doors, EvaluatorProperties properties) {
		this.devices = devices;
		this.queue = queue;
		this.doors = doors;
		this.properties = properties;
	}

	@GetMapping("/evaluator/{deviceId}")
	String page(@PathVariable String deviceId, Model model) {
		model.addAttribute("deviceId", deviceId);
		model.addAttribute("idleSeconds", properties.idle().toSeconds());
		model.addAttribute("pollMillis", properties.poll().toMillis());
		model.addAttribute("options", doors.badReviewOptions(Channel.HALL_EVALUATOR.family(false)));
		return "doors/evaluator";
	}

	@GetMapping("/evaluator/{deviceId}/next")
	@ResponseBody
	@Operation(summary = "The tablet's next service (device secret in X-Device-Key): item, window and staff number "
			+ "and the token to rate it with; 204 when none is waiting; 401 for a device that is not registered")
	ResponseEntity<Map<String, Object>> next(@PathVariable String deviceId,
			@RequestHeader(name = KEY_HEADER, required = false) String key) {
		devices.authenticate(deviceId, key);
		return queue.next(deviceId).map(q -> {
			RatingDoors.Opened opened = doors.open(q.token());
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("token", q.token());
			body.put("itemName", opened.itemName());
			body.put("windowCode", opened.windowCode());
			body.put("staffNo", opened.staffNo());
			body.put("expiresAt", q.expiresAt().toString());
			return ResponseEntity.ok(body);
		}).orElseGet(() -> ResponseEntity.noContent().build());
	}

	@PostMapping("/evaluator/{deviceId}/ratings")
	@ResponseBody
	@Operation(summary = "A rating made on the tablet (device secret in X-Device-Key, Idempotency-Key required): the "
			+ "same key again gets the first answer and never a second rating; 409 when the service was rated already, "
			+ "422 when the token has expired or is not this device's")
	ResponseEntity<Map<String, Object>> rate(@PathVariable String deviceId,
			@RequestHeader(name = KEY_HEADER, required = false) String key,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@RequestBody TabletRating r) {
		devices.authenticate(deviceId, key);
		if (idempotencyKey == null || idempotencyKey.isBlank()) {
			throw HcpException.invalid("Idempotency-Key", "REQUIRED", "评价器的评价须带 Idempotency-Key",
					"A tablet's rating carries an Idempotency-Key");
		}
		if (r.token() == null || r.token().isBlank() || r.token().length() > 2048 || !queue.holds(deviceId, r.token())) {
			throw HcpException.invalid("token", "NOT_THIS_DEVICE", "该评价令牌不属于本评价器",
					"The token was not issued to this device");
		}
		List<EvaluationView> stored;
		try {
			stored = doors.rateWithToken(r.token(), new BoundRating(null, r.level(), r.indicators(), r.comment(), null,
					null), idempotencyKey);
		}
		catch (HcpException e) {
			if (e.status() == HttpStatus.CONFLICT) {
				queue.done(deviceId, r.token()); // rated already: nothing left to show
			}
			if (e.status() == HttpStatus.UNAUTHORIZED) {
				// the token, not the device, is refused (expired): final, unlike a device that is not registered
				throw new HcpException(HttpStatus.UNPROCESSABLE_CONTENT, e.code(), e.text(), e.fields());
			}
			throw e;
		}
		queue.done(deviceId, r.token());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("evaluations", stored.stream().map(EvaluationView::id).toList());
		body.put("level", stored.isEmpty() ? null : stored.get(0).level());
		body.put("message", Bilingual.of("感谢您的评价", "Thank you for your rating"));
		return ResponseEntity.status(HttpStatus.CREATED).body(body);
	}

	/** What the tablet sends: the token from its queue and what the rater tapped. */
	record TabletRating(String token, Integer level, List<String> indicators, String comment) {
	}
}
