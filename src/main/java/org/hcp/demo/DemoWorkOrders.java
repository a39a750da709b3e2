package org.hcp.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hcp.cases.Applicant;
import org.hcp.cases.ApplyChannel;
import org.hcp.cases.CaseStatus;
import org.hcp.cases.CaseType;
import org.hcp.cases.Cases;
import org.hcp.cases.NewCase;
import org.hcp.evaluation.Channel;
import org.hcp.evaluation.EvaluationView;
import org.hcp.evaluation.Evaluations;
import org.hcp.evaluation.Rater;
import org.hcp.evaluation.RatingCommand;
import org.hcp.evaluation.Source;
import org.hcp.privacy.Mobile;
import org.hcp.rectification.RevisitOutcome;
import org.hcp.rectification.WorkOrderDetail;
import org.hcp.rectification.WorkOrderView;
import org.hcp.rectification.WorkOrders;
import org.hcp.security.Caller;
import org.hcp.security.Role;
import org.hcp.shared.ChinaTime;
import org.hcp.shared.RegionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Work orders in different states for the screens (demo profile only): six bad ratings of the demo district, rated
 * through the evaluation façade so that the orders open as in production, then taken through the work-order façade
 * — one waiting for the first check, one dispatched, one a ledger entry with an extension request, one replied
 * (on the revisit call list), one revisited (ready for 销号), one invalid. Runs once, after the demo catalog exists.
 */
@Component
@ConditionalOnProperty(name = "hcp.demo.enabled", havingValue = "true")
class DemoWorkOrders {

	private static final Logger log = LoggerFactory.getLogger(DemoWorkOrders.class);
	private static final String COUNTY = "330106000000";
	private static final String MARKET = "11330106MB0000001G";
	private static final String CIVIL = "11330106MB0000002K";

	private final Cases cases;
	private final Evaluations evaluations;
	private final WorkOrders orders;
	private final Clock clock;

	DemoWorkOrders(Cases cases, Evaluations evaluations, WorkOrders orders, Clock clock) {
		this.cases = cases;
		this.evaluations = evaluations;
		this.orders = orders;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		Thread loader = new Thread(this::loadWhenTheCatalogIsThere, "demo-work-orders");
		loader.setDaemon(true);
		loader.start();
	}

	private void loadWhenTheCatalogIsThere() {
		try {
			if (!waitFor(() -> cases.find("DEMO-0005").isPresent()) || cases.find("DEMO-0101").isPresent()) {
				return;
			}
			SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
					Caller.person(0, "demo", Set.of(Role.ADMIN), null, null, null), null,
					List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
			Instant at = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
			long received = open("DEMO-0101", "330106SCQR0002", "个体工商户登记", MARKET, "XH0002", "XH-SCJG-W01", at, 1, "材料被退回三次");
			long dispatched = open("DEMO-0102", "330106MZGG0004", "婚姻登记档案查询", CIVIL, "XH0001", "XH-HALL-W01", at, 2, "窗口无人");
			long ledger = open("DEMO-0103", "330106SCQR0002", "个体工商户登记", MARKET, "XH0002", "XH-SCJG-W01", at, 1, "叫号系统故障");
			long replied = open("DEMO-0104", "330106MZGG0004", "婚姻登记档案查询", CIVIL, "XH0001", "XH-HALL-W01", at, 2, "态度生硬");
			long revisited = open("DEMO-0105", "330106SCQR0002", "个体工商户登记", MARKET, "XH0002", "XH-SCJG-W01", at, 1, "等候两小时");
			long invalid = open("DEMO-0106", "330106MZGG0004", "婚姻登记档案查询", CIVIL, "XH0001", "XH-HALL-W01", at, 2, "点错了");

			orders.dispatch(dispatched, version(dispatched));
			WorkOrderDetail d = verified(ledger);
			d = orders.enterInLedger(ledger, d.version(), ChinaTime.dateOf(d.order().deadline()).minusDays(1), "更换排队叫号系统");
			orders.requestExtension(ledger, d.version(), ChinaTime.dateOf(d.order().deadline()).plusDays(7), "设备供货延迟");
			d = verified(replied);
			d = orders.rectifyAtOnce(replied, d.version(), "对窗口人员进行服务规范培训并通报", List.of());
			orders.reply(replied, d.version(), "您好，已对窗口人员进行培训，感谢您的监督。");
			d = verified(revisited);
			d = orders.rectifyAtOnce(revisited, d.version(), "增设两个综合窗口，高峰期弹性排班", List.of());
			d = orders.reply(revisited, d.version(), "您好，已增设窗口并调整排班，欢迎再次办理。");
			orders.revisit(revisited, d.version(), RevisitOutcome.SATISFIED, "电话回访：满意");
			orders.invalidate(invalid, version(invalid), "评价人表示误操作");
			log.info("Demo work orders: waiting for the first check #{}, dispatched #{}, in the ledger with an extension "
					+ "request #{}, replied #{}, revisited #{}, invalid #{}", received, dispatched, ledger, replied, revisited,
					invalid);
		}
		catch (RuntimeException e) {
			log.warn("Demo work orders were not loaded completely", e);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private WorkOrderDetail verified(long id) {
		WorkOrderDetail d = orders.dispatch(id, version(id));
		return orders.verify(id, d.version(), "评价人（演示用户）", "电话", "情况属实");
	}

	private int version(long id) {
		return orders.detail(id).version();
	}

	/** A completed demo case rated with {@code stars}; the id of the order its bad rating opened. */
	private long open(String caseNo, String item, String itemName, String department, String staff, String window,
			Instant at, int stars, String comment) {
		cases.open(new NewCase(caseNo, itemName, item, itemName, department, new RegionCode(COUNTY), CaseType.ON_THE_SPOT,
				ApplyChannel.WINDOW, CaseStatus.COMPLETED,
				new Applicant(1, "演示用户", "111", "330106199512120000", new Mobile("1370000" + caseNo.substring(5))),
				at, at.plus(Duration.ofMinutes(20)), null, null, NewCase.Source.DEMO,
				List.of(new NewCase.NewServiceEvent(1, "受理", at, staff, window),
						new NewCase.NewServiceEvent(2, "办结", at.plus(Duration.ofMinutes(20)), staff, window))));
		List<EvaluationView> rated = evaluations.rate(new RatingCommand(caseNo, null, Channel.WEB_PORTAL, stars,
				List.of(), comment, null, new Rater("演示评价人", "111", null, new Mobile("1385700" + caseNo.substring(5))),
				false, Source.API));
		long evaluationId = rated.get(0).id();
		java.util.concurrent.atomic.AtomicReference<Optional<WorkOrderView>> found = new java.util.concurrent.atomic.AtomicReference<>(Optional.empty());
		waitFor(() -> {
			found.set(orders.forEvaluation(evaluationId));
			return found.get().isPresent();
		});
		return found.get().orElseThrow(() -> new IllegalStateException("no work order opened for " + caseNo)).id();
	}

	private static boolean waitFor(java.util.function.BooleanSupplier condition) {
		for (int i = 0; i < 600; i++) {
			if (condition.getAsBoolean()) {
				return true;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}
}
