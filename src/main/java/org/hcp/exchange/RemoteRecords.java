package org.hcp.exchange;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

import org.hcp.cases.CaseNo;
import org.hcp.evaluation.Evaluations;
import org.hcp.shared.HcpException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * What the rectification and appeal records of a lower platform share: the rating they are about, named as the
 * exchange names it (projectNo, serviceNumber, assessNumber), and one transaction per record, so that one refused
 * record leaves the others of its batch stored and itself nothing.
 */
final class RemoteRecords {

	private RemoteRecords() {
	}

	/** The rating at this platform; 400 UNKNOWN_EVALUATION (retryable: its evaluation record may still be on its way). */
	static long rating(Fields f, Evaluations evaluations) {
		String projectNo = CaseNo.parse("projectNo", f.text("projectNo")).value();
		int serviceNumber = f.positive("serviceNumber");
		int assessNumber = f.code("assessNumber", 1, List.of(1, 2));
		OptionalLong id = evaluations.ratingOf(projectNo, serviceNumber, assessNumber);
		if (id.isEmpty()) {
			throw HcpException.invalid("projectNo", "UNKNOWN_EVALUATION",
					"本平台没有办件 " + projectNo + " 第 " + serviceNumber + " 次服务的评价，请先报送评价记录（可重发）",
					"No rating of case " + projectNo + " service " + serviceNumber
							+ " is stored here; push the evaluation record first (retryable)");
		}
		return id.getAsLong();
	}

	static long positiveLong(Fields f, String field) {
		String text = f.text(field);
		if (text == null) {
			throw HcpException.invalid(field, "REQUIRED", field + " 不能为空", field + " is required");
		}
		try {
			long value = Long.parseLong(text);
			if (value >= 1) {
				return value;
			}
		}
		catch (NumberFormatException ignored) {
			// reported below
		}
		throw HcpException.invalid(field, "BAD_CODE", field + " 应为正整数", field + " must be a positive integer");
	}

	static LocalDate date(Fields f, String field) {
		String text = f.optional(field, 10);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException e) {
			throw HcpException.invalid(field, "BAD_DATE", field + " 格式应为 yyyy-MM-dd", field + " must be yyyy-MM-dd");
		}
	}

	/** Each record in a transaction of its own: accepted, a duplicate, or refused with nothing stored. */
	static List<RecordResult> each(List<JsonNode> nodes, PlatformTransactionManager transactions,
			Function<JsonNode, RecordResult> one) {
		TransactionTemplate own = new TransactionTemplate(transactions);
		own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return nodes.stream().map(node -> {
			try {
				return own.execute(tx -> one.apply(node));
			}
			catch (HcpException e) {
				return RecordResult.refused(node, e);
			}
		}).toList();
	}

	static RecordResult duplicate(JsonNode node) {
		return RecordResult.of(RecordResult.projectNo(node), RecordResult.serviceNumber(node), "duplicate", "DUPLICATE",
				org.hcp.shared.Bilingual.of("重复报送，已接收过", "sent before; already stored"), null);
	}
}
