package org.hcp.evaluation;

import java.util.Arrays;
import java.util.Optional;

import org.hcp.catalog.ChannelFamily;

/** Where a rating was given (domain §5), with its exchange code {@code pf} (0 = internal only). */
public enum Channel {
	/** 政务服务网 一事一评 */
	WEB_PORTAL(1),
	/** 移动端 app / 小程序 */
	MOBILE_APP(2),
	/** 二维码 at the window or on the receipt; only through a binding token */
	QR_CODE(3),
	/** 窗口评价器 / 大厅平板; only through a binding token */
	HALL_EVALUATOR(4),
	/** 自助终端 */
	KIOSK(5),
	/** 12345 热线 */
	HOTLINE_12345(6),
	/** 短信 reply */
	SMS(7),
	/** 纸质评价表, entered later by staff */
	PAPER_FORM(0),
	/** 默认评价: derived from {@link Source#DEFAULT} for the stored row; no channel system may submit it */
	DEFAULT(0);

	private final int pf;

	Channel(int pf) {
		this.pf = pf;
	}

	public int pf() {
		return pf;
	}

	public static Optional<Channel> ofPf(int pf) {
		return pf == 0 ? Optional.empty() : Arrays.stream(values()).filter(c -> c.pf == pf).findFirst();
	}

	/** Which indicator family applies: fixed for most channels, the case's own for phone, SMS and defaults. */
	public ChannelFamily family(boolean caseHandledOnline) {
		return switch (this) {
			case WEB_PORTAL, MOBILE_APP -> ChannelFamily.ONLINE;
			case QR_CODE, HALL_EVALUATOR, KIOSK, PAPER_FORM -> ChannelFamily.OFFLINE;
			case HOTLINE_12345, SMS, DEFAULT -> caseHandledOnline ? ChannelFamily.ONLINE : ChannelFamily.OFFLINE;
		};
	}
}
