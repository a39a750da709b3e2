package org.hcp.analytics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hcp.security.Caller;
import org.hcp.security.RegionScope;
import org.hcp.security.Role;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.stereotype.Service;

/**
 * The report 通报 of a region (issue 8 §3, ADR 0028) for a month, quarter or year — one template, three variants — as
 * data, as PDF and as Excel, and the office's text of it. Read from the rollups through {@link Statistics}, so a
 * district's quarter renders in well under the 3 s target. Offices and platforms of the region may read it; offices
 * write its text.
 */
@Service
public class Reports {

	private final Statistics statistics;
	private final LastPlaces lastPlaces;
	private final ReportNotes notes;
	private final ReportPdf pdf;
	private final ReportWorkbook workbook;
	private final UploadedRatings uploaded;

	Reports(Statistics statistics, LastPlaces lastPlaces, ReportNotes notes, ReportPdf pdf, ReportWorkbook workbook,
			UploadedRatings uploaded) {
		this.uploaded = uploaded;
		this.statistics = statistics;
		this.lastPlaces = lastPlaces;
		this.notes = notes;
		this.pdf = pdf;
		this.workbook = workbook;
	}

	/** The report's figures, tables, trend, last places and text; 403 outside the caller's scope. */
	public Report report(RegionCode region, Period period) {
		allow(region, period);
		return assemble(region, period);
	}

	/** The report as a PDF (Chinese, with the embedded font). Also the entry of the benchmark. */
	public byte[] pdf(RegionCode region, Period period) {
		return pdf.render(report(region, period));
	}

	/** The report as an Excel workbook: summary, per department, per township, definitions. */
	public byte[] xlsx(RegionCode region, Period period) {
		return workbook.render(report(region, period));
	}

	/** The counted ratings the report covers: above {@code hcp.analytics.export.background-above} it runs in the background. */
	public long ratingsIn(RegionCode region, Period period) {
		allow(region, period);
		return statistics.figures(Subject.region(region.value()), period).count(Metric.EVALUATIONS);
	}

	public ReportNote note(RegionCode region, Period period) {
		allow(region, period);
		return notes.current(region, period);
	}

	/** Saves the office's text (a new version; earlier ones are kept with who wrote them when). */
	public ReportNote saveNote(RegionCode region, Period period, String problems, String requirements) {
		allow(region, period);
		Caller.requireAny(Role.OFFICE);
		String by = Caller.current().map(Caller::name).orElse("system");
		return notes.save(region, period, problems, requirements, by);
	}

	/** Renders without checking the caller: the background worker, whose request was checked when it was queued. */
	byte[] render(Report report, boolean asPdf) {
		return asPdf ? pdf.render(report) : workbook.render(report);
	}

	static void allow(RegionCode region, Period period) {
		Caller.requireAny(Role.OFFICE, Role.PLATFORM);
		RegionScope scope = RegionScope.current();
		scope.require("region", region);
		if (scope.department().isPresent() || scope.staff().isPresent()) {
			throw scope.refusal("region");
		}
		if (period.grain() != Grain.MONTH && period.grain() != Grain.QUARTER && period.grain() != Grain.YEAR) {
			throw HcpException.badRequest("period", "REPORT_PERIOD", "通报的期间为月、季度或年，如 2026-07、2026Q3、2026",
					"a report covers a month, a quarter or a year, e.g. 2026-07, 2026Q3, 2026");
		}
	}

	/** The report without checking the caller (the background worker). */
	Report assemble(RegionCode region, Period period) {
		Subject subject = Subject.region(region.value());
		FigureSet figures = statistics.figures(subject, period);
		List<TrendPoint> trend = statistics.trend(subject, period);
		return new Report(region.value(), figures.subjectName(), period, figures.asOf(), figures,
				statistics.departments(subject, period), statistics.children(subject, period),
				period.grain() == Grain.MONTH ? trend : monthly(trend),
				lastPlaces.of(region, YearMonth.from(period.to().minusDays(1))), notes.current(region, period),
				uploaded.count(region.value(), period));
	}

	/** Daily points summed per month (the statistics trend is daily up to 92 days). */
	private static List<TrendPoint> monthly(List<TrendPoint> points) {
		Map<YearMonth, long[]> months = new TreeMap<>();
		for (TrendPoint p : points) {
			long[] sum = months.computeIfAbsent(YearMonth.from(p.from()), m -> new long[3]);
			sum[0] += p.evaluations();
			sum[1] += p.good();
			sum[2] += p.bad();
		}
		List<TrendPoint> result = new ArrayList<>();
		months.forEach((m, s) -> result.add(new TrendPoint(m.atDay(1), s[0], s[1], s[2])));
		return result;
	}
}
