package org.hcp.doors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.hcp.cases.Applicant;
import org.hcp.cases.ApplyChannel;
import org.hcp.cases.CaseStatus;
import org.hcp.cases.CaseType;
import org.hcp.cases.Cases;
import org.hcp.cases.NewCase;
import org.hcp.evaluation.CaseLinks;
import org.hcp.evaluation.EvaluatorTokenIssued;
import org.hcp.evaluation.RatingDoors;
import org.hcp.privacy.Mobile;
import org.hcp.security.Caller;
import org.hcp.security.Role;
import org.hcp.shared.RegionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The demo's doors (profile demo only): cases an applicant can rate in the portal, the hall's evaluator device, a
 * printed staff code, a receipt link and a kiosk page — made through the same façades an office would use, and
 * listed on the start page so a newcomer can try every door. The device's set-up link carries its secret: that is
 * fine for a demo, and why this exists only there.
 */
@Component
@ConditionalOnProperty(name = "hcp.demo.enabled", havingValue = "true")
public class DemoDoors {

	private static final Logger log = LoggerFactory.getLogger(DemoDoors.class);

	/** The demo applicant of the portal's cases; the SMS code is in the SMS outbox (table gateway). */
	public static final String PORTAL_MOBILE = "13700000100";
	private static final String COUNTY = "330106000000";
	private static final String HALL_WINDOW = "XH-HALL-W01";
	private static final String HALL_STAFF = "XH0001";
	private static final String DEVICE = "DEMO-EVAL-01";

	private final Cases cases;
	private final DeviceRegistry devices;
	private final StaffCodes staffCodes;
	private final CaseLinks caseLinks;
	private final RatingDoors doors;
	private final DeviceQueue queue;
	private final Clock clock;
	private volatile List<Link> links = List.of();

	DemoDoors(Cases cases, DeviceRegistry devices, StaffCodes staffCodes, CaseLinks caseLinks, RatingDoors doors,
			DeviceQueue queue, Clock clock) {
		this.queue = queue;
		this.cases = cases;
		this.devices = devices;
		this.staffCodes = staffCodes;
		this.caseLinks = caseLinks;
		this.doors = doors;
		this.clock = clock;
	}

	/** One door of the demo: what it is and where. */
	public record Link(String key, String path) {
	}

	/** The demo's doors as the start page lists them; empty until the demo data is loaded. */
	public List<Link> links() {
		return links;
	}

	/**
	 * Makes (or, on a database that has them, refreshes) the demo's doors; called after the demo catalog and cases
	 * exist. A new device secret and kiosk token every start: the old ones are not kept anywhere to show again.
	 */
	public void load() {
		SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
				Caller.person(0, "demo", Set.of(Role.ADMIN), null, null, null), null, List.of()));
		try {
			Instant at = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
			portalCase("DEMO-0201", CaseType.PROMISED, at, null);
			portalCase("DEMO-0202", CaseType.ON_THE_SPOT, at, at.plus(Duration.ofMinutes(15)));
			String receipt = receiptCase("DEMO-0203", at);
			DeviceKey device = devices.exists(DEVICE) ? devices.rekey(DEVICE) : devices.register(DEVICE, HALL_WINDOW);
			StaffCodes.Issued code = staffCodes.issue(HALL_STAFF, HALL_WINDOW);
			// a fresh case per start for the kiosk and the evaluator, so that a restarted demo has one to rate again
			long start = clock.millis() / 60_000;
			String kioskCase = receiptCase("DEMO-K" + start, at);
			// a service just finished at the hall's window waits on the evaluator (for the token's 30 minutes)
			String evaluated = receiptCase("DEMO-E" + start, at);
			String evaluatorToken = doors.evaluatorToken(evaluated, DEVICE);
			RatingDoors.Opened opened = doors.open(evaluatorToken);
			queue.on(new EvaluatorTokenIssued(DEVICE, evaluatorToken, opened.caseNo(), opened.serviceNo(),
					opened.windowCode(), opened.staffNo(), opened.expiresAt()));
			List<Link> made = new ArrayList<>();
			made.add(new Link("portal", "/rate"));
			made.add(new Link("app", "/rate?via=app"));
			made.add(new Link("staffCode", "/q/" + code.code().code()));
			made.add(new Link("receipt", "/c/" + caseLinks.codeOf(receipt)));
			made.add(new Link("evaluator", device.setupUrl()));
			made.add(new Link("kiosk", "/kiosk/" + doors.kioskToken(kioskCase)));
			links = List.copyOf(made);
			log.info("Demo doors: portal /rate (mobile {}; the SMS code is in the SMS outbox), evaluator {} at {}, "
					+ "printed code /q/{}, receipt /c/{}", PORTAL_MOBILE, DEVICE, HALL_WINDOW, code.code().code(),
					caseLinks.codeOf(receipt));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void portalCase(String caseNo, CaseType type, Instant at, Instant completedAt) {
		if (cases.find(caseNo).isPresent()) {
			return;
		}
		List<NewCase.NewServiceEvent> events = new ArrayList<>();
		events.add(new NewCase.NewServiceEvent(1, "受理", at, HALL_STAFF, HALL_WINDOW));
		if (type == CaseType.PROMISED) {
			events.add(new NewCase.NewServiceEvent(2, "补正材料", at.plus(Duration.ofMinutes(40)), HALL_STAFF, HALL_WINDOW));
		}
		cases.open(new NewCase(caseNo, "婚姻登记档案查询", "330106MZGG0004", "婚姻登记档案查询", "11330106MB0000002K",
				new RegionCode(COUNTY), type, ApplyChannel.WINDOW,
				completedAt == null ? CaseStatus.IN_PROGRESS : CaseStatus.COMPLETED,
				new Applicant(1, "演示用户", "111", "330106199512120000", new Mobile(PORTAL_MOBILE)), at, completedAt, null,
				null, NewCase.Source.DEMO, events));
	}

	/** An unrated, completed case at the hall's window, rated through a receipt or the kiosk. */
	private String receiptCase(String caseNo, Instant at) {
		if (cases.find(caseNo).isEmpty()) {
			cases.open(new NewCase(caseNo, "婚姻登记档案查询", "330106MZGG0004", "婚姻登记档案查询", "11330106MB0000002K",
					new RegionCode(COUNTY), CaseType.ON_THE_SPOT, ApplyChannel.WINDOW, CaseStatus.COMPLETED,
					new Applicant(1, "演示用户", "111", "330106199512120000", new Mobile(PORTAL_MOBILE)), at,
					at.plus(Duration.ofMinutes(10)), null, null, NewCase.Source.DEMO,
					List.of(new NewCase.NewServiceEvent(1, "办结", at.plus(Duration.ofMinutes(10)), HALL_STAFF, HALL_WINDOW))));
		}
		return caseNo;
	}
}
