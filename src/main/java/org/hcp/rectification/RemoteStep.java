package org.hcp.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

import org.hcp.shared.HcpException;

/**
 * One step of a lower platform's work order 下级平台整改记录, about a rating it relayed here: {@code stepNo} grows per order
 * (the sender's audit row id), {@code state} is where the order stands after it. Made through {@link #of}, which
 * refuses a missing or unknown value with the field named.
 */
public record RemoteStep(long evaluationId, String peer, String orderNo, long stepNo, WorkOrderState state,
		String action, Instant stepTime, String deptCode, String opinion, LocalDate plannedBy,
		RevisitOutcome revisitResult) {

	/** Checks every field as the exchange names it; 400 with the field for a missing or unknown value. */
	public static RemoteStep of(long evaluationId, String peer, String orderNo, long stepNo, String state, String action,
			Instant stepTime, String deptCode, String opinion, LocalDate plannedBy, String revisitResult) {
		if (peer == null || peer.isBlank() || peer.length() > 64) {
			throw HcpException.invalid("peer", "REQUIRED", "下级平台应用标识不能为空", "the lower platform's app id is required");
		}
		text("orderNo", orderNo, 32, true);
		if (stepNo < 1) {
			throw HcpException.invalid("stepNo", "BAD_CODE", "stepNo 应为正整数", "stepNo must be a positive integer");
		}
		text("action", action, 40, true);
		if (stepTime == null) {
			throw HcpException.invalid("stepTime", "REQUIRED", "stepTime 不能为空", "stepTime is required");
		}
		text("deptCode", deptCode, 18, false);
		text("opinion", opinion, 2000, false);
		return new RemoteStep(evaluationId, peer, orderNo.strip(), stepNo, named("state", WorkOrderState.values(), state),
				action.strip(), stepTime, blankToNull(deptCode), blankToNull(opinion), plannedBy,
				revisitResult == null || revisitResult.isBlank() ? null
						: named("revisitResult", RevisitOutcome.values(), revisitResult));
	}

	private static <E extends Enum<E>> E named(String field, E[] values, String name) {
		if (name == null || name.isBlank()) {
			throw HcpException.invalid(field, "REQUIRED", field + " 不能为空", field + " is required");
		}
		return Arrays.stream(values).filter(v -> v.name().equals(name.strip())).findFirst()
			.orElseThrow(() -> HcpException.invalid(field, "BAD_CODE", field + " 取值应为 " + Arrays.toString(values),
					field + " must be one of " + Arrays.toString(values)));
	}

	private static void text(String field, String value, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				throw HcpException.invalid(field, "REQUIRED", field + " 不能为空", field + " is required");
			}
			return;
		}
		if (value.strip().length() > max) {
			throw HcpException.invalid(field, "TOO_LONG", field + " 长度不能超过 " + max, field + " is longer than " + max);
		}
		if (value.indexOf('\u0000') >= 0) {
			throw HcpException.invalid(field, "BAD_CHARACTER", field + " 含有不允许的控制字符", field + " contains a control character");
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
