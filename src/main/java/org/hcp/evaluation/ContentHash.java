package org.hcp.evaluation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.hcp.privacy.Sm3;

/**
 * The SM3 hash of a rating's stored content: every column but the id, length-prefixed so that no two different
 * rows encode alike (is_default through the source it is written from; submitted_by, submitted_by_user, reference and relayed_from only when set). Recomputed from the row on verification; a changed column changes the hash.
 */
final class ContentHash {

	private ContentHash() {
	}

	static byte[] of(EvaluationRecord r) {
		Encoder e = new Encoder();
		e.number(r.caseId()).text(r.caseNo()).number(r.serviceNo()).number(r.slot()).text(r.channel().name())
			.number(r.level()).text(r.indicators()).number(r.indicatorVersion()).text(r.comment())
			.time(r.assessedAt()).number(r.assessNumber()).text(Boolean.toString(r.isDefault()))
			.text(r.scope().name()).text(r.groupId() == null ? null : r.groupId().toString()).text(r.batchNo())
			.text(r.chainNo()).text(r.regionCode()).text(r.departmentCode()).text(r.itemCode()).text(r.staffNo())
			.text(r.windowCode()).bytes(r.raterNameEnc()).bytes(r.raterCertEnc()).bytes(r.raterCertHash())
			.bytes(r.raterMobileEnc()).bytes(r.raterMobileHash()).text(r.source().name()).time(r.receivedAt());
		if (r.submittedBy() != null) {
			// appended only when present: rows stored before the column existed (all null) keep their hash
			e.number(r.submittedBy());
		}
		if (r.submittedByUser() != null || r.reference() != null) {
			// likewise only when present; the marker cannot be read as the digits of submitted_by
			e.text("entered").number(r.submittedByUser()).text(r.reference());
		}
		if (r.relayedFrom() != null) {
			// likewise: rows stored before relaying existed keep their hash
			e.text("relayed").text(r.relayedFrom());
		}
		return sm3(e.out.toByteArray());
	}

	static byte[] sm3(byte[] input) {
		return Sm3.digest(input);
	}

	private static final class Encoder {

		private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

		Encoder bytes(byte[] value) {
			if (value == null) {
				writeInt(-1);
			}
			else {
				writeInt(value.length);
				out.writeBytes(value);
			}
			return this;
		}

		Encoder text(String value) {
			return bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
		}

		Encoder number(Number value) {
			return text(value == null ? null : Long.toString(value.longValue()));
		}

		Encoder time(Instant value) {
			return text(value == null ? null : value.getEpochSecond() + "." + value.getNano() / 1000);
		}

		private void writeInt(int v) {
			out.write(v >>> 24);
			out.write(v >>> 16);
			out.write(v >>> 8);
			out.write(v);
		}
	}
}
