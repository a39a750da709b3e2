package org.hcp.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.hcp.shared.Bilingual;
import org.springframework.context.MessageSource;

/** The JSON of a figure set: the subject, the period (last day included), as of when, and every figure with its definition. */
record StatisticsView(SubjectView subject, String name, PeriodView period, Instant asOf, List<FigureView> figures) {

	record SubjectView(Dimension dimension, String key, String channel) {
	}

	record PeriodView(LocalDate from, LocalDate to, String label) {
	}

	/** A count has {@code value}; a rate has numerator, denominator, rate (null for "—") and percent. */
	record FigureView(Metric metric, Bilingual name, Bilingual definition, Long value, Long numerator, Long denominator,
			BigDecimal rate, String percent) {
	}

	static StatisticsView of(FigureSet set, MessageSource messages) {
		Subject s = set.subject();
		List<FigureView> figures = set.figures().values().stream().map(f -> figure(f, messages)).toList();
		return new StatisticsView(new SubjectView(s.dimension(), s.key(), s.channel() == null ? null : s.channel().name()),
				set.subjectName(), period(set.period()), set.asOf(), figures);
	}

	static PeriodView period(Period p) {
		return new PeriodView(p.from(), p.to().minusDays(1), p.label());
	}

	private static FigureView figure(Figure f, MessageSource messages) {
		Metric m = f.metric();
		Bilingual name = text(messages, m.nameKey());
		Bilingual definition = text(messages, m.definitionKey());
		if (!m.isRate()) {
			return new FigureView(m, name, definition, f.value(), null, null, null, null);
		}
		return new FigureView(m, name, definition, null, f.numerator(), f.denominator(), f.rate().orElse(null),
				f.percent());
	}

	static Bilingual text(MessageSource messages, String key) {
		return Bilingual.of(messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE),
				messages.getMessage(key, null, key, Locale.ENGLISH));
	}
}
