package org.hcp.exchange;

import java.util.Map;

import org.hcp.shared.Bilingual;

/** What became of one record of a national envelope: its list and position there, and the intake's answer. */
record NationalResult(String list, int index, String projectNo, String serviceNumber, String status, String code,
		Map<String, String> message, String field) {

	static NationalResult of(RecordKind kind, int index, RecordResult r) {
		return new NationalResult(kind.list(), index, r.projectNo(), r.serviceNumber(), r.status(), r.code(),
				r.message(), r.field());
	}

	/** A record refused before any intake saw it (cannot be decrypted, not JSON). */
	static NationalResult rejected(RecordKind kind, int index, String code, Bilingual text) {
		return new NationalResult(kind.list(), index, null, null, "rejected", code,
				Map.of("zh", text.zh(), "en", text.en()), null);
	}
}
