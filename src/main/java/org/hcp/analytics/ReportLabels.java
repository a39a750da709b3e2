package org.hcp.analytics;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.hcp.shared.ChinaTime;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of the report (it is published in Chinese): the metric names and definitions written once in
 * {@code analytics.metric.*}, the report's own texts {@code analytics.report.*}, and how a figure is written — a
 * count as its number, a rate as a percentage with two decimals or "—", exactly as the statistics API writes it.
 */
@Component
class ReportLabels {

	static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;
	private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ChinaTime.ZONE);

	private final MessageSource messages;

	ReportLabels(MessageSource messages) {
		this.messages = messages;
	}

	String name(Metric metric) {
		return messages.getMessage(metric.nameKey(), null, metric.name(), LOCALE);
	}

	String definition(Metric metric) {
		return messages.getMessage(metric.definitionKey(), null, "", LOCALE);
	}

	String text(String key, Object... args) {
		return messages.getMessage("analytics.report." + key, args, LOCALE);
	}

	/** 2026年第3季度, 2026年7月, 2026年. */
	String period(Period period) {
		int year = period.from().getYear();
		return switch (period.grain()) {
			case QUARTER -> text("period.QUARTER", String.valueOf(year), (period.from().getMonthValue() + 2) / 3);
			case MONTH -> text("period.MONTH", String.valueOf(year), period.from().getMonthValue());
			case YEAR -> text("period.YEAR", String.valueOf(year));
			default -> period.label();
		};
	}

	String title(Report report) {
		return text("title", report.regionName(), period(report.period()));
	}

	String asOf(Report report) {
		return text("asOf", AS_OF.format(report.asOf()));
	}

	/** A figure as written everywhere: the count, or the rate's percentage ("95.12 %") or "—". */
	static String value(Figure figure) {
		return figure.metric().isRate() ? figure.percent() : Long.toString(figure.value());
	}
}
