package org.hcp.exchange;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hcp.security.Caller;
import org.hcp.security.RegionScope;
import org.hcp.shared.ChinaTime;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** The push queue as the office sees it (failures with the upper platform's answer), its backlog, and 补报. */
@RestController
@Tag(name = "exchange push 上报")
class OutboxEndpoints {

	private static final Logger log = LoggerFactory.getLogger(OutboxEndpoints.class);

	private static final List<String> STATUSES = List.of("PENDING", "SENT", "FAILED");

	private final OutboxStore store;
	private final BacklogView backlog;
	private final PushTarget target;
	private final Clock clock;

	OutboxEndpoints(OutboxStore store, BacklogView backlog, PushTarget target, Clock clock) {
		this.store = store;
		this.backlog = backlog;
		this.target = target;
		this.clock = clock;
	}

	@GetMapping("/api/v1/exchange/outbox")
	@Operation(summary = "Outbox rows in the caller's region, newest first: status, attempts, the upper platform's answer")
	Map<String, Object> outbox(@RequestParam(required = false) String status,
			@RequestParam(required = false) String region, @RequestParam(defaultValue = "0") String page,
			@RequestParam(defaultValue = "50") String size) {
		Optional<String> wanted = Optional.ofNullable(status).filter(s -> !s.isBlank());
		if (wanted.isPresent() && !STATUSES.contains(wanted.get())) {
			throw HcpException.badRequest("status", "BAD_STATUS", "status 应为 PENDING、SENT 或 FAILED",
					"status must be PENDING, SENT or FAILED");
		}
		int p = number("page", page, 0, 100_000);
		int s = number("size", size, 1, 200);
		String prefix = prefixFor(region);
		List<Map<String, Object>> items = store.page(wanted, prefix, p, s).stream().map(OutboxEndpoints::view).toList();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("items", items);
		answer.put("total", store.count(wanted, prefix));
		answer.put("page", p);
		answer.put("size", s);
		return answer;
	}

	@GetMapping("/api/v1/exchange/backlog")
	@Operation(summary = "The push backlog: unsent and failed rows, the oldest unsent one's age, and whether it is over the limit")
	BacklogView.Backlog backlog() {
		return backlog.now();
	}

	@PostMapping("/api/v1/admin/exchange/resend")
	@Transactional
	@Operation(summary = "补报: re-send what failed (FAILED), or every fact of a period (PERIOD) or region (REGION) from the source tables")
	Map<String, Object> resend(@RequestBody(required = false) JsonNode body) {
		if (body == null || !body.isObject()) {
			throw HcpException.badRequest("scope", "BAD_RESEND", "请求体应为 {\"scope\": \"FAILED|PERIOD|REGION\", ...}",
					"The body must be {\"scope\": \"FAILED|PERIOD|REGION\", ...}");
		}
		String scope = text(body, "scope");
		if (scope == null || !List.of("FAILED", "PERIOD", "REGION").contains(scope)) {
			throw HcpException.invalid("scope", "BAD_SCOPE", "scope 应为 FAILED、PERIOD 或 REGION",
					"scope must be FAILED, PERIOD or REGION");
		}
		String regionText = text(body, "regionCode");
		String prefix = regionText == null ? "" : RegionCode.parse("regionCode", regionText).prefix();
		if ("REGION".equals(scope) && regionText == null) {
			throw HcpException.invalid("regionCode", "REQUIRED", "按地区补报需填写 regionCode",
					"A re-send by region needs regionCode");
		}
		LocalDate from = date(body, "from");
		LocalDate to = date(body, "to");
		if ("PERIOD".equals(scope) && (from == null || to == null)) {
			throw HcpException.invalid(from == null ? "from" : "to", "REQUIRED", "按时段补报需填写 from 和 to（yyyy-MM-dd）",
					"A re-send by period needs from and to (yyyy-MM-dd)");
		}
		if (from != null && to != null && to.isBefore(from)) {
			throw HcpException.invalid("to", "BAD_PERIOD", "to 不能早于 from", "to must not be before from");
		}
		Instant now = clock.instant();
		String by = Caller.current().map(Caller::name).orElse("system");
		int queued;
		if ("FAILED".equals(scope)) {
			queued = store.resendFailed(prefix, now, by);
		}
		else {
			if (!target.exists()) {
				throw HcpException.conflict("scope", "NO_UPPER_PLATFORM", "未接入上级平台，无处补报",
						"No upper platform is registered to re-send to");
			}
			Instant start = from == null ? Instant.EPOCH : ChinaTime.startOf(from);
			Instant end = to == null ? now.plusSeconds(1) : ChinaTime.startOf(to.plusDays(1));
			queued = store.requeue(start, end, prefix, now, by);
		}
		log.info("补报 {} by {}: {} rows due", scope, by, queued);
		return Map.of("queued", queued);
	}

	/** The region prefix to list: the requested region inside the caller's scope, else the caller's whole scope. */
	private static String prefixFor(String region) {
		RegionScope scope = RegionScope.current();
		if (region == null || region.isBlank()) {
			return scope.region().map(RegionCode::prefix).orElse("");
		}
		RegionCode code = RegionCode.parse("region", region);
		scope.require("region", code);
		return code.prefix();
	}

	static Map<String, Object> view(OutboxStore.Row row) {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("id", row.id());
		v.put("kind", row.kind().list());
		v.put("projectNo", row.caseKey());
		v.put("regionCode", row.regionCode());
		v.put("occurredAt", ChinaTime.format(row.occurredAt()));
		v.put("queuedAt", ChinaTime.format(row.queuedAt()));
		v.put("status", row.status());
		v.put("attempts", row.attempts());
		v.put("lastAttemptAt", ChinaTime.format(row.lastAttemptAt()));
		v.put("nextAttemptAt", "SENT".equals(row.status()) ? null : ChinaTime.format(row.nextAttemptAt()));
		v.put("sentAt", ChinaTime.format(row.sentAt()));
		v.put("errorCode", row.errorCode());
		v.put("errorMessage", row.errorMessage());
		return v;
	}

	private static int number(String field, String text, int min, int max) {
		try {
			int n = Integer.parseInt(text.trim());
			if (n >= min && n <= max) {
				return n;
			}
		}
		catch (NumberFormatException e) {
			// refused below
		}
		throw HcpException.badRequest(field, "BAD_NUMBER", field + " 应为 " + min + " 到 " + max + " 之间的整数",
				field + " must be an integer from " + min + " to " + max);
	}

	private static String text(JsonNode body, String field) {
		JsonNode v = body.get(field);
		if (v == null || v.isNull()) {
			return null;
		}
		if (!v.isString()) {
			throw HcpException.invalid(field, "BAD_TYPE", field + " 应为字符串", field + " must be a string");
		}
		return v.asString().isBlank() ? null : v.asString().trim();
	}

	private static LocalDate date(JsonNode body, String field) {
		String text = text(body, field);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException e) {
			throw HcpException.invalid(field, "BAD_DATE", field + " 应为 yyyy-MM-dd", field + " must be yyyy-MM-dd");
		}
	}
}
