package org.hcp.evaluation.rules;

import org.hcp.evaluation.Channel;
import org.hcp.shared.HcpException;

/**
 * 评价器、二维码评价须凭绑定令牌 (domain §5, [ours]): evaluator and QR ratings are attributed to a window and staff
 * member from a signed token, never from what a client claims; without one they are refused.
 */
public final class BindingTokenRequired {

	private BindingTokenRequired() {
	}

	public static boolean applies(Channel channel) {
		return channel == Channel.QR_CODE || channel == Channel.HALL_EVALUATOR;
	}

	public static void check(Channel channel, boolean cameWithToken) {
		if (applies(channel) && !cameWithToken) {
			throw HcpException.invalid("channel", "TOKEN_REQUIRED", "评价器和二维码评价须通过绑定令牌提交",
					"Evaluator and QR ratings must come with a binding token");
		}
	}
}
