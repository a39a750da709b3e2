package org.hcp.analytics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.hcp.security.Caller;
import org.hcp.security.Role;
import org.hcp.shared.ChinaTime;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The ranking screen (/app/rankings) for offices, departments (read-only, regions and departments) and
 * administrators: filters, the ranking with its method text, and the repeated last places of a month's ranking.
 */
@Controller
class RankingScreens {

	/** The filter as typed, shown back in the form. */
	record Filter(String kind, String region, String period, boolean adjust) {
	}

	private final Rankings rankings;
	private final Clock clock;

	RankingScreens(Rankings rankings, Clock clock) {
		this.rankings = rankings;
		this.clock = clock;
	}

	/** Shares on this page as on the dashboard and in the report: a percentage, two decimals, rounded half up. */
	static final class Percent {

		public String of(BigDecimal fraction) {
			return Figure.percent(fraction);
		}
	}

	private static final Percent PERCENT = new Percent();

	@ModelAttribute("percent")
	Percent percent() {
		return PERCENT;
	}

	/** Times on this page are China time. */
	@ModelAttribute("zone")
	java.time.ZoneId zone() {
		return ChinaTime.ZONE;
	}

	@GetMapping("/app/rankings")
	String rankings(@RequestParam(required = false) String kind, @RequestParam(required = false) String region,
			@RequestParam(required = false) String period, @RequestParam(required = false) String adjust, Model model,
			HttpServletResponse response) {
		Caller.requireAny(Role.OFFICE, Role.DEPARTMENT);
		String regionText = region != null ? region
				: Caller.current().map(Caller::region).map(RegionCode::value).orElse("");
		String periodText = period != null && !period.isBlank() ? period
				: YearMonth.from(clock.instant().atZone(ChinaTime.ZONE)).minusMonths(1).toString();
		model.addAttribute("filter", new Filter(kind == null ? "REGION" : kind, regionText, periodText,
				"true".equalsIgnoreCase(adjust)));
		model.addAttribute("kinds", mayRankHalls() ? RankingKind.values()
				: new RankingKind[] { RankingKind.REGION, RankingKind.DEPARTMENT });
		model.addAttribute("chinese", Locale.CHINESE.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage()));
		try {
			Period p = Period.parse("period", periodText);
			RegionCode r = RankingParams.region(regionText);
			model.addAttribute("ranking", rankings.rank(RankingParams.kind(kind), r, p, RankingParams.adjust(adjust)));
			model.addAttribute("lastPlaces", p.grain() == Grain.MONTH && mayRankHalls()
					? rankings.repeatedLast(r, YearMonth.from(p.from())) : List.of());
		}
		catch (HcpException e) {
			if (e.status() == HttpStatus.FORBIDDEN) {
				throw e;
			}
			response.setStatus(e.status().value());
			boolean chinese = Locale.CHINESE.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
			model.addAttribute("problem", chinese ? e.text().zh() : e.text().en());
			model.addAttribute("problemFields", e.fields().stream().map(f -> chinese ? f.zh() : f.en()).toList());
		}
		return "analytics/rankings";
	}

	private static boolean mayRankHalls() {
		return Caller.current().map(c -> c.has(Role.OFFICE) || c.has(Role.ADMIN)).orElse(true);
	}
}
