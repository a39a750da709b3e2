package org.hcp.exchange;

import java.util.Map;

import org.hcp.shared.Bilingual;
import org.hcp.shared.HcpException;
import org.springframework.http.HttpStatus;

import tools.jackson.databind.JsonNode;

/** What became of one pushed record. */
record RecordResult(String projectNo, String serviceNumber, String status, String code, Map<String, String> message,
		String field) {

	static RecordResult of(String projectNo, String serviceNumber, String status, String code, Bilingual text,
			String field) {
		return new RecordResult(projectNo, serviceNumber, status, code, Map.of("zh", text.zh(), "en", text.en()), field);
	}

	static RecordResult accepted(JsonNode node) {
		return of(projectNo(node), serviceNumber(node), "accepted", "OK", Bilingual.of("已接收", "accepted"), null);
	}

	/** A refusal: a 409 (duplicate, mismatch) counts as "duplicate", anything else as "rejected". */
	static RecordResult refused(JsonNode node, HcpException e) {
		String field = e.fields().isEmpty() ? null : e.fields().get(0).field();
		Bilingual text = e.fields().isEmpty() ? e.text() : Bilingual.of(e.fields().get(0).zh(), e.fields().get(0).en());
		String status = e.status() == HttpStatus.CONFLICT ? "duplicate" : "rejected";
		return of(projectNo(node), serviceNumber(node), status, e.code(), text, field);
	}

	/** For the per-record result even when parsing failed part-way. */
	static String projectNo(JsonNode node) {
		JsonNode v = node == null ? null : node.get("projectNo");
		return v == null || v.isNull() || v.isContainer() ? null : v.asString();
	}

	static String serviceNumber(JsonNode node) {
		JsonNode v = node == null ? null : node.get("serviceNumber");
		return v == null || v.isNull() || v.isContainer() ? null : v.asString();
	}
}
