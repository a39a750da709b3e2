package org.hcp.exchange;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.hcp.exchange.ConformanceKit.Answer;
import org.hcp.exchange.ConformanceKit.Outcome;
import org.hcp.exchange.ConformanceKit.Target;
import org.hcp.shared.ChinaTime;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contract cases of the interface standard, in the order they run: valid push, duplicate, bad signature, replay,
 * bad field, batch with mixed results, 补报. Every case makes its own case numbers ({@code CONF…}), so the kit can run
 * again and again against the same receiver.
 */
final class ConformanceCases {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Target target;
	private final Clock clock;
	private final Function<String, Answer> post;
	private final String run;
	private int next;

	/** The body of the first valid push, for the replay case. */
	private String firstBody;
	private Map<RecordKind, List<String>> firstRecords;

	ConformanceCases(Target target, Clock clock, Function<String, Answer> post) {
		this.target = target;
		this.clock = clock;
		this.post = post;
		this.run = "CONF" + Long.toString(clock.millis(), 36).toUpperCase();
	}

	List<Outcome> all() {
		List<Outcome> outcomes = new ArrayList<>();
		outcomes.add(attempt("valid push", this::validPush));
		outcomes.add(attempt("duplicate", this::duplicate));
		outcomes.add(attempt("bad signature", this::badSignature));
		outcomes.add(attempt("replay", this::replay));
		outcomes.add(attempt("bad field", this::badField));
		outcomes.add(attempt("batch with mixed results", this::mixedBatch));
		outcomes.add(attempt("补报 re-send", this::resend));
		return outcomes;
	}

	private Outcome attempt(String name, Supplier<String> check) {
		try {
			return new Outcome(name, true, check.get());
		}
		catch (Failed e) {
			return new Outcome(name, false, e.getMessage());
		}
		catch (RuntimeException e) {
			return new Outcome(name, false, e.getClass().getSimpleName() + ": " + e.getMessage());
		}
	}

	/** A case did not get what the standard asks for. */
	private static final class Failed extends RuntimeException {

		Failed(String message) {
			super(message, null, false, false);
		}
	}

	private String validPush() {
		String projectNo = projectNo();
		firstRecords = records(List.of(service(projectNo, 1)), List.of(evaluation(projectNo, 1, 5)));
		firstBody = seal(firstRecords, target.secret(), target.privateKey());
		JsonNode body = accepted(post.apply(firstBody));
		expectStatuses(body, "accepted", "accepted");
		return "a service record and its evaluation: 2 accepted";
	}

	private String duplicate() {
		requireFirst();
		JsonNode body = accepted(post.apply(seal(firstRecords, target.secret(), target.privateKey())));
		expectStatuses(body, "duplicate", "duplicate");
		return "the same two records again: 2 duplicate, nothing stored twice";
	}

	private String badSignature() {
		String projectNo = projectNo();
		Map<RecordKind, List<String>> records = records(List.of(service(projectNo, 1)), List.of());
		String wrong = target.signMode() == SignMode.SM2_ENCRYPT ? seal(records, target.secret() + "-wrong", target.privateKey())
				: seal(records, target.secret(), Sm2.generate().privateKey());
		Answer refused = post.apply(wrong);
		expectRefusal(refused, 401, "BAD_SIGN");
		JsonNode body = accepted(post.apply(seal(records, target.secret(), target.privateKey())));
		expectStatuses(body, "accepted");
		return "401 BAD_SIGN, and its record was not stored (accepted when sent properly)";
	}

	private String replay() {
		requireFirst();
		expectRefusal(post.apply(firstBody), 409, "REPLAYED");
		return "the first envelope once more, byte for byte: 409 REPLAYED";
	}

	private String badField() {
		ObjectNode record = service(projectNo(), 1);
		record.put("acceptDate", "2026/11/02");
		JsonNode body = accepted(post.apply(seal(records(List.of(record), List.of()), target.secret(), target.privateKey())));
		expectStatuses(body, "rejected");
		JsonNode result = body.path("C-Response-Body").path("results").path(0);
		if (!"acceptDate".equals(result.path("field").asString(""))) {
			throw new Failed("the rejection names field " + result.path("field") + ", expected acceptDate");
		}
		return "acceptDate 2026/11/02: rejected, field acceptDate, code " + result.path("code").asString("");
	}

	private String mixedBatch() {
		requireFirst();
		String fresh = projectNo();
		String neverServed = projectNo();
		ObjectNode badCode = service(projectNo(), 1);
		badCode.put("proStatus", 9);
		ObjectNode duplicateService = (ObjectNode) JSON.readTree(firstRecords.get(RecordKind.SERVICE).get(0));
		Map<RecordKind, List<String>> plain = records(List.of(service(fresh, 1), duplicateService, badCode),
				List.of(evaluation(fresh, 1, 4), evaluation(neverServed, 1, 5)));
		Map<RecordKind, List<String>> sealed = encrypt(plain);
		List<String> evaluate = new ArrayList<>(sealed.get(RecordKind.EVALUATE));
		evaluate.add(Sm2.encrypt(Sm2.generate().publicKey(), plain.get(RecordKind.EVALUATE).get(0)));
		sealed.put(RecordKind.EVALUATE, evaluate);
		JsonNode body = accepted(post.apply(envelope(sealed, target.secret(), target.privateKey())));
		expectStatuses(body, "accepted", "duplicate", "rejected", "accepted", "rejected", "rejected");
		JsonNode results = body.path("C-Response-Body").path("results");
		expect(results.path(5).path("code").asString(""), "UNDECRYPTABLE", "code of the record encrypted for another key");
		expect(results.path(5).path("list").asString("") + results.path(5).path("index").asInt(-1), "evaluate2",
				"list and index of the undecryptable record");
		JsonNode counts = body.path("C-Response-Body");
		String tally = counts.path("accepted").asInt() + "/" + counts.path("duplicate").asInt() + "/"
				+ counts.path("rejected").asInt();
		expect(tally, "2/1/3", "accepted/duplicate/rejected");
		return "6 records: 2 accepted, 1 duplicate, 3 rejected (bad code, unknown service, undecryptable), in order";
	}

	private String resend() {
		requireFirst();
		String late = projectNo();
		Map<RecordKind, List<String>> old = firstRecords;
		List<String> service = new ArrayList<>(old.get(RecordKind.SERVICE));
		service.add(service(late, 1, 26).toString());
		List<String> evaluate = new ArrayList<>(old.get(RecordKind.EVALUATE));
		evaluate.add(evaluation(late, 1, 4, 25).toString());
		Map<RecordKind, List<String>> records = new EnumMap<>(RecordKind.class);
		records.put(RecordKind.SERVICE, service);
		records.put(RecordKind.EVALUATE, evaluate);
		JsonNode body = accepted(post.apply(seal(records, target.secret(), target.privateKey())));
		expectStatuses(body, "duplicate", "accepted", "duplicate", "accepted");
		return "old records re-sent: duplicate; records of yesterday sent late: accepted";
	}

	private void requireFirst() {
		if (firstBody == null) {
			throw new Failed("needs the valid push to have been built");
		}
	}

	/** A 200 with C-API-Status 00; its body. */
	private static JsonNode accepted(Answer answer) {
		if (answer.status() != 200 || !"00".equals(answer.body().path("C-API-Status").asString(""))) {
			throw new Failed("expected 200 with C-API-Status 00, got " + answer.status() + " " + shorten(answer.body()));
		}
		return answer.body();
	}

	private static void expectRefusal(Answer answer, int status, String code) {
		JsonNode body = answer.body();
		if (answer.status() != status || !code.equals(body.path("code").asString(""))
				|| "00".equals(body.path("C-API-Status").asString("00"))) {
			throw new Failed("expected " + status + " " + code + " with a C-API-Status other than 00, got "
					+ answer.status() + " " + shorten(body));
		}
	}

	private static void expectStatuses(JsonNode body, String... statuses) {
		List<String> got = new ArrayList<>();
		body.path("C-Response-Body").path("results").forEach(r -> got.add(r.path("status").asString("")
				+ (r.path("status").asString("").equals("rejected") ? "(" + r.path("code").asString("") + ")" : "")));
		List<String> bare = got.stream().map(s -> s.replaceAll("\\(.*\\)$", "")).toList();
		if (!bare.equals(List.of(statuses))) {
			throw new Failed("expected results " + List.of(statuses) + ", got " + got);
		}
	}

	private static void expect(String got, String expected, String what) {
		if (!expected.equals(got)) {
			throw new Failed(what + ": expected " + expected + ", got " + got);
		}
	}

	private static String shorten(JsonNode body) {
		String text = body.toString();
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

	private String projectNo() {
		return run + "N" + (++next);
	}

	private Map<RecordKind, List<String>> records(List<ObjectNode> services, List<ObjectNode> evaluations) {
		Map<RecordKind, List<String>> records = new EnumMap<>(RecordKind.class);
		if (!services.isEmpty()) {
			records.put(RecordKind.SERVICE, services.stream().map(ObjectNode::toString).toList());
		}
		if (!evaluations.isEmpty()) {
			records.put(RecordKind.EVALUATE, evaluations.stream().map(ObjectNode::toString).toList());
		}
		return records;
	}

	private Map<RecordKind, List<String>> encrypt(Map<RecordKind, List<String>> plain) {
		Map<RecordKind, List<String>> sealed = new EnumMap<>(RecordKind.class);
		plain.forEach((kind, list) -> sealed.put(kind, new ArrayList<>(list.stream()
			.map(p -> Sm2.encrypt(target.publicKey(), p)).toList())));
		return sealed;
	}

	private String seal(Map<RecordKind, List<String>> plain, String secret, String privateKey) {
		return envelope(encrypt(plain), secret, privateKey);
	}

	/** Signs already encrypted lists as the target's sign mode says, with the given secret or private key. */
	private String envelope(Map<RecordKind, List<String>> sealed, String secret, String privateKey) {
		String time = NationalEnvelope.TIME.format(clock.instant().atZone(ChinaTime.ZONE));
		NationalEnvelope.Sealed unsigned = new NationalEnvelope.Sealed(target.appId(), time, "", sealed);
		String sign = target.signMode() == SignMode.SM2_ENCRYPT
				? Sm2.encrypt(target.publicKey(), time + target.appId() + secret)
				: Sm2.sign(privateKey, unsigned.signedText());
		return NationalEnvelope.envelope(new NationalEnvelope.Sealed(target.appId(), time, sign, sealed)).toString();
	}

	private ObjectNode service(String projectNo, int serviceNumber) {
		return service(projectNo, serviceNumber, 3);
	}

	/** A completed on-the-spot case, served {@code hoursAgo}. */
	private ObjectNode service(String projectNo, int serviceNumber, int hoursAgo) {
		LocalDateTime served = LocalDateTime.now(clock.withZone(ChinaTime.ZONE)).minusHours(hoursAgo);
		ObjectNode r = JSON.createObjectNode();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("areaCode", target.areaCode());
		fields.put("deptCode", target.deptCode());
		fields.put("deptName", "一致性测试部门");
		fields.put("taskCode", target.taskCode());
		fields.put("taskName", "一致性测试事项");
		fields.put("projectNo", projectNo);
		fields.put("proStatus", 3);
		fields.put("userName", "测试申请人");
		fields.put("userProp", 1);
		fields.put("acceptDate", time(served.minusMinutes(30)));
		fields.put("serviceNumber", serviceNumber);
		fields.put("serviceName", "办结");
		fields.put("serviceTime", time(served));
		fields.put("promiseTime", 1);
		fields.put("proChannel", 2);
		fields.put("resultDate", time(served));
		fields.forEach((k, v) -> {
			if (v instanceof Integer i) {
				r.put(k, i);
			}
			else {
				r.put(k, (String) v);
			}
		});
		return r;
	}

	private ObjectNode evaluation(String projectNo, int serviceNumber, int satisfaction) {
		return evaluation(projectNo, serviceNumber, satisfaction, 2);
	}

	/** A rating at the hall tablet {@code hoursAgo}; a bad one names an offline indicator and says why. */
	private ObjectNode evaluation(String projectNo, int serviceNumber, int satisfaction, int hoursAgo) {
		ObjectNode r = JSON.createObjectNode();
		r.put("projectNo", projectNo);
		r.put("serviceNumber", serviceNumber);
		r.put("pf", 4);
		r.put("satisfaction", satisfaction);
		r.put("evalDetail", satisfaction <= 2 ? satisfaction + "11" : "");
		r.put("writingEvaluation", satisfaction <= 2 ? "一致性测试：等候时间长" : "");
		r.put("assessTime", time(LocalDateTime.now(clock.withZone(ChinaTime.ZONE)).minusHours(hoursAgo)));
		r.put("assessNumber", 1);
		r.put("isDefault", false);
		return r;
	}

	private static String time(LocalDateTime t) {
		return ChinaTime.EXCHANGE.format(t);
	}
}
