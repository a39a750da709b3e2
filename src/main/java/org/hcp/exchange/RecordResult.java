package org.hcp.exchange;

import java.util.Map;

import org.hcp.shared.Bilingual;

/** What became of one pushed record. */
record RecordResult(String projectNo, String serviceNumber, String status, String code, Map<String, String> message,
		String field) {

	static RecordResult of(String projectNo, String serviceNumber, String status, String code, Bilingual text,
			String field) {
		return new RecordResult(projectNo, serviceNumber, status, code, Map.of("zh", text.zh(), "en", text.en()), field);
	}
}
