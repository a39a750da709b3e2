package org.hcp.analytics;

import java.util.Locale;

import org.hcp.shared.Bilingual;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The method of a ranking in words (zh and en, from {@code analytics.ranking.method*}), with the configured minimum
 * and confidence filled in: part of every ranking's answer and shown wherever a ranking is (ADR 0027).
 */
@Component
class RankingMethod {

	private final MessageSource messages;

	RankingMethod(MessageSource messages) {
		this.messages = messages;
	}

	Bilingual text(int minimum, double confidence, boolean adjust) {
		return Bilingual.of(in(Locale.CHINESE, minimum, confidence, adjust), in(Locale.ENGLISH, minimum, confidence,
				adjust));
	}

	private String in(Locale locale, int minimum, double confidence, boolean adjust) {
		Object[] args = { minimum, String.valueOf(Math.round(confidence * 1000) / 10.0).replaceAll("\\.0$", "") };
		String text = messages.getMessage("analytics.ranking.method", args, locale);
		return adjust ? text + " " + messages.getMessage("analytics.ranking.method.adjusted", null, locale) : text;
	}
}
