package org.hcp.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hcp.cases.CaseNo;
import org.hcp.evaluation.EvaluationView;
import org.hcp.evaluation.Evaluations;
import org.hcp.shared.Bilingual;
import org.hcp.shared.ChinaTime;
import org.hcp.shared.HcpException;
import org.hcp.shared.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * one result per record, each accepted or refused on its own. A {@code txnBodyCom} around one plain record is
 * unwrapped; a national envelope with encrypted records ({@code params}) is handled as at {@code /national}.
 */
@RestController
@Tag(name = "exchange 数据交换")
class ExchangeController {

	private final Evaluations evaluations;
	private final ServiceRecordIntake services;
	private final EvaluationRecordIntake evaluationRecords;
	private final NationalIntake national;

	ExchangeController(Evaluations evaluations, ServiceRecordIntake services,
			EvaluationRecordIntake evaluationRecords, NationalIntake national) {
		this.evaluations = evaluations;
		this.services = services;
		this.evaluationRecords = evaluationRecords;
		this.national = national;
	}

	@PostMapping("/api/exchange/v1/services")
	@Operation(summary = "Push service records 服务记录 (one object or an array)")
	ResponseEntity<?> services(@RequestBody JsonNode body) {
		if (NationalIntake.isEnvelope(body)) {
			return NationalController.answer(national, body);
		}
		JsonNode payload = unwrap(body);
		return respond(payload, services.intake(records(payload)));
	}

	@PostMapping("/api/exchange/v1/evaluations")
	@Operation(summary = "Push evaluation records 评价记录 (one object or an array)")
	ResponseEntity<?> evaluations(@RequestBody JsonNode body) {
		if (NationalIntake.isEnvelope(body)) {
			return NationalController.answer(national, body);
		}
		JsonNode payload = unwrap(body);
		return respond(payload, evaluationRecords.intake(records(payload)));
	}

	@GetMapping("/api/exchange/v1/evaluations")
	@Operation(summary = "The stored ratings of a case, for reconciliation 对账")
	Map<String, Object> stored(@RequestParam String projectNo) {
		String caseNo = CaseNo.parse("projectNo", projectNo).value();
		List<Map<String, Object>> records = evaluations.byCase("projectNo", caseNo).stream().map(ExchangeController::record).toList();
		return Map.of("projectNo", caseNo, "evaluations", records);
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
