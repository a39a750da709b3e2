package org.hcp.analytics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Public disclosure 公开 (issue 8 §4, ADR 0029): the figures of a region for an ended quarter, with its child regions
 * and the departments registered at it, small counts suppressed ({@link DisclosureSuppression}). Only counts and
 * rates from {@link Statistics} leave here — nothing about a person, no comment, no staff member, no window.
 */
@Service
class Disclosure {

	private final Statistics statistics;
	private final DashboardPlaces places;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final DisclosureSuppression suppression;

	Disclosure(Statistics statistics, DashboardPlaces places, JdbcClient jdbc, Clock clock,
			AnalyticsProperties properties) {
		this.statistics = statistics;
		this.places = places;
		this.jdbc = jdbc;
		this.clock = clock;
		this.suppression = new DisclosureSuppression(properties.disclosure().minimumCount());
	}

	/** The table as typed in a URL: a region code (blank: the first province) and a quarter (blank: the last ended). */
	DisclosureTable table(String regionText, String periodText) {
		Period period = DisclosurePeriods.published(periodText, clock);
		RegionCode region = regionText == null || regionText.isBlank() ? firstProvince() : DashboardFocus.parse(regionText);
		DashboardPlaces.Place place = places.find(region)
			.orElseThrow(() -> HcpException.notFound("region", "REGION_UNKNOWN", "没有该行政区划：" + region,
					"No such region: " + region));
		Subject subject = Subject.region(region.value());
		DisclosureTable.Row total = totalRow(region, period);
		List<DisclosureTable.Row> regions = rows(DisclosureTable.Kind.REGION, statistics.children(subject, period));
		List<DisclosureTable.Row> departments = rows(DisclosureTable.Kind.DEPARTMENT,
				statistics.departments(subject, period).stream().filter(registeredAt(region)).toList());
		return new DisclosureTable(region.value(), place.name(), period.label(), period.from(),
				period.to().minusDays(1), statistics.asOf(), suppression.minimum(), total, regions, departments);
	}

	/** The region's own row, judged among its siblings (the children of its parent) as every view of it is. */
	private DisclosureTable.Row totalRow(RegionCode region, Period period) {
		RegionCode parent = region.parent();
		List<FigureSet> group = parent == null ? List.of(statistics.figures(Subject.region(region.value()), period))
				: statistics.children(Subject.region(parent.value()), period);
		List<DisclosureTable.Row> rows = rows(DisclosureTable.Kind.REGION, group);
		return rows.stream()
			.filter(r -> r.code().equals(region.value()))
			.findFirst()
			.orElseGet(() -> rows(DisclosureTable.Kind.REGION,
					List.of(statistics.figures(Subject.region(region.value()), period))).get(0));
	}

	private List<DisclosureTable.Row> rows(DisclosureTable.Kind kind, List<FigureSet> group) {
		List<Set<Metric>> hidden = suppression.suppressed(group);
		List<DisclosureTable.Row> rows = new ArrayList<>();
		for (int i = 0; i < group.size(); i++) {
			rows.add(row(kind, group.get(i), hidden.get(i)));
		}
		return rows;
	}

	private DisclosureTable.Row row(DisclosureTable.Kind kind, FigureSet f, Set<Metric> hidden) {
		return new DisclosureTable.Row(kind, f.subject().key(), f.subjectName(), count(f, Metric.EVALUATIONS, hidden),
				rate(f.get(Metric.GOOD_RATE)), rate(f.get(Metric.ACTIVE_RATE)), count(f, Metric.VALID_BAD, hidden),
				count(f, Metric.BAD_REPLIED, hidden), count(f, Metric.BAD_RECTIFIED, hidden),
				rate(f.get(Metric.RECTIFY_RATE)), status(f));
	}

	private static DisclosureTable.Count count(FigureSet f, Metric metric, Set<Metric> hidden) {
		return hidden.contains(metric) ? new DisclosureTable.Count(null, true)
				: new DisclosureTable.Count(f.count(metric), false);
	}

	private DisclosureTable.Rate rate(Figure figure) {
		if (suppression.isSmall(figure.denominator())) {
			return new DisclosureTable.Rate(null, null, true);
		}
		return new DisclosureTable.Rate(figure.rate().orElse(null), figure.percent(), false);
	}

	private static DisclosureTable.Status status(FigureSet f) {
		long valid = f.count(Metric.VALID_BAD);
		if (valid == 0) {
			return DisclosureTable.Status.NONE;
		}
		long done = f.count(Metric.BAD_RECTIFIED) + f.count(Metric.BAD_UNRECTIFIABLE);
		return done >= valid ? DisclosureTable.Status.COMPLETE : DisclosureTable.Status.IN_PROGRESS;
	}

	private java.util.function.Predicate<FigureSet> registeredAt(RegionCode region) {
		Set<String> codes = Set.copyOf(jdbc.sql("select code from cat_department where region_code = :region")
			.param("region", region.value())
			.query(String.class)
			.list());
		return f -> codes.contains(f.subject().key());
	}

	private RegionCode firstProvince() {
		return places.provinces()
			.stream()
			.findFirst()
			.map(p -> new RegionCode(p.code()))
			.orElseThrow(() -> HcpException.notFound("region", "REGION_UNKNOWN", "尚未登记任何行政区划",
					"No region is registered yet"));
	}
}
