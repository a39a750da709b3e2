package org.hcp.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.hcp.shared.Bilingual;
import org.hcp.shared.ChinaTime;
import org.hcp.shared.RegionCode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The office's dashboard (issue 8 §4, ADR 0029): every panel for a region and period, read through {@link Statistics}
 * only — rollup reads, no scans of the raw tables — so one call stays fast over a province's year. Who may see what is
 * decided by {@link DashboardFocus}.
 */
@Service
class Dashboard {

	/** The headline figures, in the order the page shows them. */
	static final List<Metric> HEADLINE = List.of(Metric.EVALUATIONS, Metric.GOOD_RATE, Metric.ACTIVE_RATE,
			Metric.COVERAGE_RATE, Metric.VALID_BAD, Metric.RECTIFY_RATE, Metric.REPLY_RATE);

	static final int ITEMS = 10;

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
	private static final Locale EN = Locale.ENGLISH;

	private final Statistics statistics;
	private final DashboardFocus focus;
	private final DashboardRanking ranking;
	private final MessageSource messages;
	private final Clock clock;

	Dashboard(Statistics statistics, DashboardFocus focus, DashboardRanking ranking, MessageSource messages,
			Clock clock) {
		this.statistics = statistics;
		this.focus = focus;
		this.ranking = ranking;
		this.messages = messages;
		this.clock = clock;
	}

	/** The dashboard as typed in a URL: a region code (blank: the caller's own) and a period (blank: this quarter). */
	DashboardView view(String region, String period) {
		return view(focus.resolve(region), period(period));
	}

	/** The period asked for, or the current quarter in China time. */
	Period period(String text) {
		if (text == null || text.isBlank()) {
			LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
			return Period.quarter(today.getYear(), (today.getMonthValue() - 1) / 3 + 1);
		}
		return Period.parse("period", text);
	}

	/** The periods offered in the filter: this month, the last month, this quarter, the last quarter, this year, last year. */
	List<Period> shortcuts() {
		Period quarter = period(null);
		Period month = Period.month(java.time.YearMonth.from(LocalDate.now(clock.withZone(ChinaTime.ZONE))));
		Period year = Period.year(quarter.from().getYear());
		return List.of(month, month.previous(), quarter, quarter.previous(), year, year.previous());
	}

	DashboardView view(DashboardFocus.Resolved at, Period period) {
		Subject subject = at.subject();
		FigureSet figures = statistics.figures(subject, period);
		boolean isRegion = subject.dimension() == Dimension.REGION;
		List<FigureSet> children = isRegion ? statistics.children(subject, period) : List.of();
		return new DashboardView(
				new DashboardView.Focus(subject.dimension(), subject.key(), figures.subjectName(),
						isRegion ? new RegionCode(subject.key()).level() : null),
				DashboardView.PeriodView.of(period), figures.asOf(), at.breadcrumb(), headline(figures),
				statistics.trend(subject, period), levels(figures), statistics.channels(subject, period),
				statistics.reasons(subject, period), statistics.itemsWithMostBad(subject, period, ITEMS),
				new DashboardView.Overdue(figures.count(Metric.BAD_OVERDUE), ledger(subject, period)),
				ranking.rank(subject, period), children.stream().map(Dashboard::child).toList());
	}

	private List<DashboardView.Headline> headline(FigureSet figures) {
		return HEADLINE.stream().map(m -> headline(figures.get(m))).toList();
	}

	DashboardView.Headline headline(Figure f) {
		Metric m = f.metric();
		return new DashboardView.Headline(m, text(m.nameKey()), text(m.definitionKey()), f.value(),
				m.isRate() ? f.numerator() : null, f.denominator(), f.rate().orElse(null),
				m.isRate() ? f.percent() : null);
	}

	private static List<DashboardView.LevelCount> levels(FigureSet figures) {
		return List.of(new DashboardView.LevelCount(5, figures.count(Metric.LEVEL_5)),
				new DashboardView.LevelCount(4, figures.count(Metric.LEVEL_4)),
				new DashboardView.LevelCount(3, figures.count(Metric.LEVEL_3)),
				new DashboardView.LevelCount(2, figures.count(Metric.LEVEL_2)),
				new DashboardView.LevelCount(1, figures.count(Metric.LEVEL_1)));
	}

	private static DashboardView.ChildRow child(FigureSet f) {
		RegionCode code = new RegionCode(f.subject().key());
		return new DashboardView.ChildRow(code.value(), f.subjectName(), code.level(), f.count(Metric.EVALUATIONS),
				f.get(Metric.GOOD_RATE).percent(), f.get(Metric.ACTIVE_RATE).percent(), f.count(Metric.VALID_BAD),
				f.get(Metric.RECTIFY_RATE).percent(), f.count(Metric.BAD_OVERDUE), code.level() < 5);
	}

	/** The work-order ledger filtered to the overdue orders opened in the period (of the region, or department). */
	private static String ledger(Subject subject, Period period) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/app/orders/ledger")
			.queryParam(subject.dimension() == Dimension.REGION ? "region" : "department", subject.key())
			.queryParam("overdue", "true")
			.queryParam("from", period.from())
			.queryParam("to", period.to().minusDays(1));
		return uri.build().toUriString();
	}

	private Bilingual text(String key) {
		return Bilingual.of(messages.getMessage(key, null, key, ZH), messages.getMessage(key, null, key, EN));
	}
}
