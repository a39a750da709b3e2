package org.hcp.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.hcp.jobs.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The worker that pushes the outbox to the upper platform (ADR 0032). Each batch, in its own transaction: lock the due
 * rows (in id order, none behind an earlier unsent row of its case, skipping rows another worker holds), build each
 * record from the tables, seal them in one national envelope for the upper platform, POST it, and record per row
 * what the upper platform answered: accepted or duplicate is sent; rejected is failed with the peer's code and
 * message and tried again after a pause that doubles from one second up to {@code backoff-max}; a request that failed
 * as a whole (unreachable, 5xx, 401 …) fails all its rows with that error.
 */
@Component
class PushWorker implements Job {

	private static final Logger log = LoggerFactory.getLogger(PushWorker.class);

	/** A run stops starting new batches after this long, so that the job lock is never held for minutes. */
	private static final Duration RUN_LIMIT = Duration.ofSeconds(30);

	private final OutboxStore store;
	private final OutgoingRecords records;
	private final PushTarget target;
	private final OwnKeys key;
	private final PushClient client;
	private final ExchangeProperties properties;
	private final TransactionTemplate perBatch;
	private final Clock clock;
	private final Counter pushed;
	private final Counter failed;

	PushWorker(OutboxStore store, OutgoingRecords records, PushTarget target, OwnKeys key, PushClient client,
			ExchangeProperties properties, PlatformTransactionManager transactions, Clock clock, MeterRegistry meters) {
		this.store = store;
		this.records = records;
		this.target = target;
		this.key = key;
		this.client = client;
		this.properties = properties;
		this.perBatch = new TransactionTemplate(transactions);
		this.perBatch.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.pushed = Counter.builder("hcp.exchange.pushed")
			.description("Records the upper platform accepted (or already had)")
			.register(meters);
		this.failed = Counter.builder("hcp.exchange.push.failed")
			.description("Record push attempts that failed")
			.register(meters);
	}

	@Override
	public String name() {
		return "exchange-push";
	}

	@Override
	public Duration every() {
		return properties.push().every();
	}

	@Override
	public Map<String, Object> run(Instant asOf) {
		Map<String, Object> report = new LinkedHashMap<>();
		if (!properties.push().enabled() || !target.exists()) {
			report.put("sent", 0);
			report.put("failed", 0);
			return report;
		}
		Instant started = clock.instant();
		int sent = 0;
		int failedRows = 0;
		int batches = 0;
		boolean yielded = false;
		while (true) {
			Outcome outcome = perBatch.execute(status -> batch(asOf));
			if (outcome == null || outcome.claimed() == 0) {
				yielded = outcome != null && outcome.yielded();
				break;
			}
			batches++;
			sent += outcome.sent();
			failedRows += outcome.failed();
			// a batch with failures, or less than full, means what is due now has been tried
			if (outcome.failed() > 0 || outcome.claimed() < properties.push().batch()
					|| Duration.between(started, clock.instant()).compareTo(RUN_LIMIT) > 0) {
				break;
			}
		}
		report.put("batches", batches);
		report.put("sent", sent);
		report.put("failed", failedRows);
		if (yielded) {
			report.put("yielded", true);
		}
		return report;
	}

	/**
	 * Whether a full batch may go now: its oldest row (batches are claimed in queue order) was queued at least
	 * {@code catch-up-after} ago. A younger full batch is a burst, which waits (ADR 0035). Zero or unset: always.
	 */
	boolean catchingUp(Instant oldestQueuedAt) {
		Duration after = properties.push().catchUpAfter();
		return after == null || after.isZero() || oldestQueuedAt == null
				|| Duration.between(oldestQueuedAt, clock.instant()).compareTo(after) >= 0;
	}

	/** What a batch did; {@code yielded}: it claimed a full batch of a burst and left it for later. */
	record Outcome(int claimed, int sent, int failed, boolean yielded) {

		Outcome(int claimed, int sent, int failed) {
			this(claimed, sent, failed, false);
		}
	}

	/** One batch, in the caller's (new) transaction. */
	Outcome batch(Instant now) {
		Optional<PushTarget.Upper> found = target.upper();
		if (found.isEmpty()) {
			return new Outcome(0, 0, 0);
		}
		PushTarget.Upper upper = found.get();
		List<OutboxStore.Row> due = store.claimDue(now, Math.max(1, properties.push().batch()));
		if (due.isEmpty()) {
			return new Outcome(0, 0, 0);
		}
		Instant oldest = due.stream().map(OutboxStore.Row::queuedAt).filter(Objects::nonNull)
			.min(Comparator.naturalOrder()).orElse(null);
		if (due.size() >= properties.push().batch() && !catchingUp(oldest)) {
			// a burst: the ratings coming in keep the CPU; these go once the oldest of them is catch-up-after old
			// (the transaction ends without a change, which releases the rows)
			return new Outcome(0, 0, 0, true);
		}
		return send(upper, due, now);
	}

	/** Builds, seals and posts the claimed rows, and records per row what the upper platform answered. */
	private Outcome send(PushTarget.Upper upper, List<OutboxStore.Row> due, Instant now) {
		Map<RecordKind, List<OutboxStore.Row>> rows = new EnumMap<>(RecordKind.class);
		Map<RecordKind, List<String>> plain = new EnumMap<>(RecordKind.class);
		int failedRows = 0;
		for (OutboxStore.Row row : due) {
			Optional<ObjectNode> record = records.build(row);
			if (record.isEmpty()) {
				fail(row, now, "SOURCE_MISSING", "记录的来源数据已不存在 / the fact this record was built from no longer exists");
				failedRows++;
				continue;
			}
			rows.computeIfAbsent(row.kind(), k -> new ArrayList<>()).add(row);
			plain.computeIfAbsent(row.kind(), k -> new ArrayList<>()).add(record.get().toString());
		}
		if (plain.isEmpty()) {
			return new Outcome(due.size(), 0, failedRows);
		}
		String privateKey = upper.signMode() == SignMode.SM2_SIGN ? key.current().privateKey() : null;
		ObjectNode envelope;
		try {
			envelope = seal(upper, privateKey, plain);
		}
		catch (RuntimeException e) {
			return failAll(rows, now, due.size(), failedRows, "SEAL_FAILED",
					"无法按上级平台的公钥加密 / could not encrypt for the upper platform's public key: " + e.getClass().getSimpleName());
		}
		PushClient.Answer answer = client.post(upper.endpoint(), envelope);
		if (!answer.accepted()) {
			log.warn("Push of {} records to {} failed as a whole: {}", due.size() - failedRows, upper.appId(), answer.code());
			return failAll(rows, now, due.size(), failedRows, answer.code(), answer.message());
		}
		Map<String, JsonNode> results = new HashMap<>();
		for (JsonNode result : answer.results()) {
			results.put(result.path("list").asString("") + "#" + result.path("index").asInt(-1), result);
		}
		int sentRows = 0;
		for (Map.Entry<RecordKind, List<OutboxStore.Row>> kind : rows.entrySet()) {
			List<OutboxStore.Row> list = kind.getValue();
			for (int i = 0; i < list.size(); i++) {
				OutboxStore.Row row = list.get(i);
				JsonNode result = results.get(kind.getKey().list() + "#" + i);
				String status = result == null ? "" : result.path("status").asString("");
				if ("accepted".equals(status) || "duplicate".equals(status)) {
					store.markSent(row.id(), now);
					pushed.increment();
					sentRows++;
				}
				else if (result == null) {
					fail(row, now, "NO_RESULT", "上级平台未答复此记录 / the upper platform gave no result for this record");
					failedRows++;
				}
				else {
					JsonNode message = result.path("message");
					String text = message.isObject()
							? message.path("zh").asString("") + " / " + message.path("en").asString("")
							: message.asString("");
					String field = result.path("field").asString("");
					fail(row, now, result.path("code").asString("REJECTED"),
							field.isEmpty() ? text : text + " (" + field + ")");
					failedRows++;
				}
			}
		}
		return new Outcome(due.size(), sentRows, failedRows);
	}

	/**
	 * As {@link NationalEnvelope#seal}, with the records encrypted in parallel: SM2 encryption (two scalar
	 * multiplications per record) is most of a push's CPU, and the records of a batch are independent.
	 */
	private ObjectNode seal(PushTarget.Upper upper, String privateKey, Map<RecordKind, List<String>> plain) {
		String time = NationalEnvelope.TIME.format(clock.instant().atZone(org.hcp.shared.ChinaTime.ZONE));
		Map<RecordKind, List<String>> sealed = new EnumMap<>(RecordKind.class);
		plain.forEach((kind, records) -> sealed.put(kind,
				records.parallelStream().map(p -> Sm2.encrypt(upper.publicKey(), p)).toList()));
		NationalEnvelope.Sealed unsigned = new NationalEnvelope.Sealed(upper.appMark(), time, "", sealed);
		String sign = upper.signMode() == SignMode.SM2_ENCRYPT
				? Sm2.encrypt(upper.publicKey(), time + upper.appMark() + upper.secret())
				: Sm2.sign(privateKey, unsigned.signedText());
		return NationalEnvelope.envelope(new NationalEnvelope.Sealed(upper.appMark(), time, sign, sealed));
	}

	private Outcome failAll(Map<RecordKind, List<OutboxStore.Row>> rows, Instant now, int claimed, int failedBefore,
			String code, String message) {
		int failedRows = failedBefore;
		for (List<OutboxStore.Row> list : rows.values()) {
			for (OutboxStore.Row row : list) {
				fail(row, now, code, message);
				failedRows++;
			}
		}
		return new Outcome(claimed, 0, failedRows);
	}

	private void fail(OutboxStore.Row row, Instant now, String code, String message) {
		store.markFailed(row.id(), now, now.plus(backoff(row.attempts() + 1)), code, message);
		failed.increment();
	}

	/** The pause before the next attempt after the n-th failed one: 1 s, 2 s, 4 s … up to backoff-max. */
	Duration backoff(int attempts) {
		Duration max = properties.push().backoffMax();
		if (attempts >= 31) {
			return max;
		}
		Duration pause = Duration.ofSeconds(1L << Math.max(0, attempts - 1));
		return pause.compareTo(max) > 0 ? max : pause;
	}
}
