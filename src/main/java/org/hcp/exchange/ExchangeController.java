package org.hcp.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hcp.cases.Cases;
import org.hcp.catalog.Catalog;
import org.hcp.evaluation.EvaluationView;
import org.hcp.evaluation.Evaluations;
import org.hcp.evaluation.ExchangeRating;
import org.hcp.evaluation.IntakeOutcome;
import org.hcp.security.Caller;
import org.hcp.shared.Bilingual;
import org.hcp.shared.ChinaTime;
import org.hcp.shared.HcpException;
import org.hcp.shared.Problems;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * The fixed exchange contract. One object → 201, 409 (duplicate) or 422/403 with problem+json; an array → 200 with
 * one result per record, each accepted or refused on its own. The {@code txnBodyCom} envelope is unwrapped.
 */
@RestController
@Tag(name = "exchange 数据交换")
class ExchangeController {

	private final Cases cases;
	private final Catalog catalog;
	private final Evaluations evaluations;
	private final TransactionTemplate tx;

	ExchangeController(Cases cases, Catalog catalog, Evaluations evaluations, TransactionTemplate tx) {
		this.cases = cases;
		this.catalog = catalog;
		this.evaluations = evaluations;
		this.tx = tx;
	}

	@PostMapping("/api/exchange/v1/services")
	@Operation(summary = "Push service records 服务记录 (one object or an array)")
	ResponseEntity<?> services(@RequestBody JsonNode body) {
		JsonNode payload = unwrap(body);
		List<RecordResult> results = new ArrayList<>();
		for (JsonNode node : records(payload)) {
			results.add(service(node));
		}
		return respond(payload, results);
	}

	@PostMapping("/api/exchange/v1/evaluations")
	@Operation(summary = "Push evaluation records 评价记录 (one object or an array)")
	ResponseEntity<?> evaluations(@RequestBody JsonNode body) {
		JsonNode payload = unwrap(body);
		List<JsonNode> nodes = records(payload);
		RecordResult[] results = new RecordResult[nodes.size()];
		List<ExchangeRating> parsed = new ArrayList<>();
		List<Integer> positions = new ArrayList<>();
		for (int i = 0; i < nodes.size(); i++) {
			try {
				parsed.add(EvaluationRecords.parse(nodes.get(i)));
				positions.add(i);
			}
			catch (HcpException e) {
				results[i] = rejected(nodes.get(i), e);
			}
		}
		List<IntakeOutcome> outcomes = evaluations.intake(parsed);
		for (int k = 0; k < outcomes.size(); k++) {
			ExchangeRating r = parsed.get(k);
			IntakeOutcome o = outcomes.get(k);
			results[positions.get(k)] = RecordResult.of(r.projectNo(), Integer.toString(r.serviceNumber()),
					o.status().name().toLowerCase(), o.code(), o.message(), exchangeField(o.field()));
		}
		return respond(payload, List.of(results));
	}

	@GetMapping("/api/exchange/v1/evaluations")
	@Operation(summary = "The stored ratings of a case, for reconciliation 对账")
	Map<String, Object> stored(@RequestParam String projectNo) {
		cases.find(projectNo).ifPresent(c -> Caller.current().ifPresent(k -> k.requireScope("projectNo", c.region())));
		List<Map<String, Object>> records = evaluations.byCase(projectNo).stream().map(ExchangeController::record).toList();
		return Map.of("projectNo", projectNo, "evaluations", records);
	}

	private RecordResult service(JsonNode node) {
		try {
			boolean stored = Boolean.TRUE.equals(tx.execute(status -> {
				ServiceRecords.Parsed parsed = ServiceRecords.parse(node);
				Caller.current().ifPresent(k -> k.requireScope("areaCode", parsed.newCase().region()));
				catalog.registerUnverified(List.of(parsed.reference()));
				boolean accepted = cases.report(ServiceRecords.withKnownStaff(parsed.newCase(), catalog));
				if (!accepted) {
					status.setRollbackOnly();
				}
				return accepted;
			}));
			return stored ? RecordResult.of(ServiceRecords.projectNo(node), ServiceRecords.serviceNumber(node), "accepted",
					"OK", Bilingual.of("已接收", "accepted"), null)
					: RecordResult.of(ServiceRecords.projectNo(node), ServiceRecords.serviceNumber(node), "duplicate",
							"DUPLICATE_SERVICE", Bilingual.of("该服务记录已存在", "This service record already exists"),
							"serviceNumber");
		}
		catch (HcpException e) {
			return rejected(node, e);
		}
		catch (DataIntegrityViolationException e) {
			return RecordResult.of(ServiceRecords.projectNo(node), ServiceRecords.serviceNumber(node), "rejected",
					"INVALID_VALUE", Bilingual.of("记录中有数据库无法保存的值，未保存", "A value of the record cannot be stored; nothing was saved"),
					null);
		}
	}

	/** The rating rules name our API's fields; a lower platform should read the exchange's own names. */
	private static String exchangeField(String field) {
		if (field == null) {
			return null;
		}
		return switch (field.replaceAll("\\[\\d+\\]$", "")) {
			case "indicators" -> "evalDetail";
			case "comment" -> "writingEvaluation";
			case "ratedAt" -> "assessTime";
			case "level" -> "satisfaction";
			case "caseNo" -> "projectNo";
			case "serviceNo" -> "serviceNumber";
			case "channel" -> "pf";
			case "rater" -> "certKey";
			default -> field;
		};
	}

	private static RecordResult rejected(JsonNode node, HcpException e) {
		String field = e.fields().isEmpty() ? null : e.fields().get(0).field();
		Bilingual text = e.fields().isEmpty() ? e.text()
				: Bilingual.of(e.fields().get(0).zh(), e.fields().get(0).en());
		String status = e.status() == HttpStatus.CONFLICT ? "duplicate" : "rejected";
		return RecordResult.of(ServiceRecords.projectNo(node), ServiceRecords.serviceNumber(node), status, e.code(), text,
				field);
	}

	private static ResponseEntity<?> respond(JsonNode payload, List<RecordResult> results) {
		if (payload.isArray()) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("accepted", results.stream().filter(r -> r.status().equals("accepted")).count());
			body.put("duplicate", results.stream().filter(r -> r.status().equals("duplicate")).count());
			body.put("rejected", results.stream().filter(r -> r.status().equals("rejected")).count());
			body.put("results", results);
			return ResponseEntity.ok(body);
		}
		RecordResult r = results.get(0);
		if (r.status().equals("accepted")) {
			return ResponseEntity.status(HttpStatus.CREATED).body(r);
		}
		HttpStatus status = r.status().equals("duplicate") ? HttpStatus.CONFLICT
				: "OUT_OF_SCOPE".equals(r.code()) ? HttpStatus.FORBIDDEN : HttpStatus.UNPROCESSABLE_CONTENT;
		var problem = Problems.detail(status, r.code(), Bilingual.of(r.message().get("zh"), r.message().get("en")),
				r.field() == null ? List.of()
						: List.of(org.hcp.shared.FieldProblem.of(r.field(), r.message().get("zh"), r.message().get("en"))));
		problem.setProperty("projectNo", r.projectNo());
		problem.setProperty("serviceNumber", r.serviceNumber());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static JsonNode unwrap(JsonNode body) {
		if (body != null && body.isObject() && body.has("txnBodyCom")) {
			return body.get("txnBodyCom");
		}
		return body;
	}

	private static List<JsonNode> records(JsonNode payload) {
		if (payload == null || !(payload.isObject() || payload.isArray())) {
			throw HcpException.badRequest("body", "BAD_BODY", "请求体应为一条记录（对象）或记录数组",
					"The body must be one record (an object) or an array of records");
		}
		List<JsonNode> nodes = new ArrayList<>();
		if (payload.isArray()) {
			payload.forEach(nodes::add);
			if (nodes.isEmpty()) {
				throw HcpException.badRequest("body", "EMPTY_BATCH", "记录数组为空", "The array holds no records");
			}
			if (nodes.size() > 10_000) {
				throw HcpException.badRequest("body", "BATCH_TOO_LARGE", "每次最多推送10000条记录",
						"At most 10,000 records per request");
			}
		}
		else {
			nodes.add(payload);
		}
		return nodes;
	}

	private static Map<String, Object> record(EvaluationView e) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("projectNo", e.caseNo());
		r.put("serviceNumber", e.serviceNo());
		if (e.channel().pf() > 0) {
			r.put("pf", e.channel().pf());
		}
		r.put("satisfaction", e.level());
		r.put("evalDetail", String.join(",", e.indicators()));
		r.put("writingEvaluation", e.comment() == null ? "" : e.comment());
		r.put("assessTime", ChinaTime.format(e.assessedAt()));
		r.put("assessNumber", e.assessNumber());
		r.put("userName", e.raterName() == null ? "" : e.raterName());
		r.put("certKey", e.raterCertNo() == null ? "" : e.raterCertNo());
		r.put("mobile", e.raterMobile() == null ? "" : e.raterMobile());
		r.put("isDefault", e.isDefault());
		return r;
	}
}
