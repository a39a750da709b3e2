package org.hcp.appeal;

import java.time.Instant;
import java.util.Locale;

import org.hcp.shared.ChinaTime;
import org.hcp.shared.HcpException;

/** What the appeal screens show of times and refusals: China time, and a refusal in the page's language. */
final class ScreenText {

	private ScreenText() {
	}

	static String time(Instant at) {
		return at == null ? "" : ChinaTime.format(at).substring(0, 16);
	}

	/** The last day of a window that closes at {@code closesAt} (the first instant too late). */
	static String lastDay(Instant closesAt) {
		return ChinaTime.dateOf(closesAt.minusNanos(1)).toString();
	}

	static String refusal(HcpException e, Locale locale) {
		String text = "en".equals(locale.getLanguage()) ? e.text().en() : e.text().zh();
		if (e.fields().isEmpty() || e.fields().get(0).zh().equals(e.text().zh())) {
			return text;
		}
		return text + ("en".equals(locale.getLanguage()) ? ": " + e.fields().get(0).en() : "：" + e.fields().get(0).zh());
	}
}
