package org.hcp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.hcp.rectification.ScreenStatusLinks;
import org.hcp.support.Axe;
import org.hcp.support.Pages;
import org.hcp.support.People;
import org.hcp.support.ServiceFixtures;
import org.hcp.support.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;

/**
 * One 1-star rating walked through every screen to 销号 in a real browser (Debian chromium + chromedriver; run by the
 * browser profile): the 12345 operator's first check (valid) → the department verifies → rectifies at once with an
 * uploaded photo → replies → the rater opens the status page from the link and answers → the operator's revisit call
 * (the number revealed on demand, satisfied) → the office closes it. Each page is checked with axe-core (no serious or
 * critical violation) and photographed under {@code target/screenshots/} at 1366×768, the order page and the rater's
 * page also at a phone's 390×844.
 */
class BadReviewWalkthroughBrowserIT extends ServiceFixtures {

	private static final Path SHOTS = Path.of("target/screenshots");
	private static final Dimension OFFICE_SCREEN = new Dimension(1366, 768);
	private static final Dimension PHONE = new Dimension(390, 844);
	private static final byte[] PNG = Base64.getDecoder().decode(
			"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

	private ChromeDriver browser;
	private WebDriverWait wait;
	private String base;
	private int step;

	@BeforeEach
	void openBrowser() throws Exception {
		browser = Chromium.start(1366, 768, "--hide-scrollbars");
		browser.manage().window().setSize(OFFICE_SCREEN);
		wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		base = "http://127.0.0.1:" + port;
		Files.createDirectories(SHOTS);
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void a_one_star_rating_is_walked_through_every_screen_to_closing() throws Exception {
		People people = new People(port);
		People.Person hotline = people.hotline(hall().region());
		People.Person department = people.department(hall().region(), hall().department());
		People.Person office = people.office(hall().region());
		String mobile = randomMobile();
		long id = oneStarRating(mobile);
		String orderNo = admin.get("/api/v1/work-orders/" + id).json().path("order").path("orderNo").asString();
		String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);

		// 12345: the first-check inbox, oldest first — the new order is at its end
		signIn(hotline);
		long received = admin.get("/api/v1/work-orders?state=RECEIVED&region=" + hall().region() + "&size=1").json()
			.path("total").asLong();
		open("/app/orders?queue=first-check&page=" + (received - 1) / 50);
		assertThat(text(By.id("queue-first-check-heading"))).isEqualTo("初核待办");
		WebElement row = browser.findElement(By.id("row-first-check-" + id));
		assertThat(row.getText()).contains(orderNo).contains("非常不满意");
		page("operator-first-check-inbox");
		browser.findElement(By.id("dispatch-" + id)).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("screen-notice")));
		assertThat(text(By.id("screen-notice"))).contains("已初核为有效差评并派单");
		page("operator-dispatched");
		signOut();

		// the department: its orders by deadline, the order page, verify
		signIn(department);
		open("/app/orders?queue=department");
		assertThat(text(By.id("queue-department-heading"))).isEqualTo("本单位工单（按时限排序）");
		assertThat(browser.findElement(By.id("row-department-" + id)).getText()).contains("已派单待核实").contains("剩余");
		page("department-queue");
		browser.findElement(By.linkText(orderNo)).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-verify")));
		assertThat(text(By.id("order-state"))).isEqualTo("已派单待核实");
		assertThat(text(By.id("order-deadline"))).contains("核实时限");
		assertThat(browser.getPageSource()).contains(masked).doesNotContain(mobile);
		page("department-order-dispatched");
		phone("department-order-dispatched");
		type("verify-contacted", "评价人赵六");
		type("verify-method", "电话");
		type("verify-findings", "窗口人员解释不清，等候时间过长属实");
		submit("verify");
		assertThat(text(By.id("screen-notice"))).contains("已记录核实情况");
		assertThat(text(By.id("order-state"))).isEqualTo("已核实待整改");

		// evidence upload, then rectified at once with it
		Path photo = Files.createTempFile("现场整改照片", ".png");
		Files.write(photo, PNG);
		browser.findElement(By.id("evidence-file")).sendKeys(photo.toAbsolutePath().toString());
		submit("upload");
		assertThat(text(By.id("screen-notice"))).contains("佐证材料已上传");
		assertThat(text(By.id("evidence-list"))).contains(photo.getFileName().toString()).contains("image/png");
		assertThat(browser.findElement(By.cssSelector("#form-rectify-at-once input[name=files]")).isSelected()).isTrue();
		page("department-evidence-uploaded");
		type("rectify-evidence", "已对窗口人员批评教育，增设取号窗口");
		submit("rectify");
		assertThat(text(By.id("order-state"))).isEqualTo("已整改待反馈");
		assertThat(text(By.id("evidence-list"))).contains("已用于");

		// the reply to the rater
		type("reply-text", "您好，已增设取号窗口并对工作人员批评教育，感谢您的监督。");
		submit("reply");
		assertThat(text(By.id("order-state"))).isEqualTo("已反馈待回访");
		page("department-replied");
		signOut();

		// the rater opens the status page from the link in the SMS, without signing in, and answers
		String link = ScreenStatusLinks.of(id).orElseThrow();
		browser.get(link.startsWith("http") ? link : base + link);
		assertThat(text(By.id("rater-heading"))).isEqualTo("您的差评处理情况");
		assertThat(text(By.id("rater-reply"))).contains("已增设取号窗口");
		assertThat(browser.getPageSource()).doesNotContain(mobile).doesNotContain(masked).doesNotContain("赵六")
			.doesNotContain(hall().department());
		page("rater-status");
		phone("rater-status");
		browser.findElement(By.id("answer-SATISFIED")).click();
		submit("rater-submit");
		assertThat(text(By.id("rater-thanks"))).contains("感谢您的评价");
		assertThat(text(By.id("rater-answered"))).contains("满意");
		page("rater-answered");

		// 12345: the revisit call list, the number revealed on demand (audited), satisfied
		signIn(hotline);
		open("/app/orders?queue=revisits");
		for (int p = 1; browser.findElements(By.id("row-revisits-" + id)).isEmpty() && p < 50; p++) {
			open("/app/orders?queue=revisits&page=" + p);
		}
		WebElement call = browser.findElement(By.id("row-revisits-" + id));
		assertThat(call.getText()).contains(masked).doesNotContain(mobile);
		page("operator-revisit-list");
		browser.findElement(By.id("reveal-" + id)).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mobile-" + id), mobile));
		assertThat(text(By.id("mobile-" + id))).contains(mobile).contains("已留痕");
		accessible("operator-revealed");
		browser.findElement(By.cssSelector("#row-revisits-" + id + " details:last-of-type summary")).click();
		new Select(browser.findElement(By.id("outcome-" + id))).selectByValue("SATISFIED");
		type("outcome-note-" + id, "评价人表示满意");
		submit("revisit-" + id);
		assertThat(text(By.id("screen-notice"))).contains("已记录回访结果");
		signOut();

		// the office: orders to close, 销号
		signIn(office);
		open("/app/orders?queue=to-close");
		assertThat(browser.findElement(By.id("row-to-close-" + id)).getText()).contains("已回访待销号");
		page("office-to-close");
		browser.findElement(By.linkText(orderNo)).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-close")));
		assertThat(text(By.id("order-rater-answer"))).contains("满意");
		assertThat(text(By.id("order-revisit"))).contains("满意");
		type("close-note", "整改到位，回访满意，销号");
		submit("close");
		assertThat(text(By.id("order-state"))).isEqualTo("已销号");
		assertThat(text(By.id("no-actions"))).isNotEmpty();
		List<String> timeline = new ArrayList<>();
		browser.findElements(By.cssSelector("#timeline li")).forEach(li -> timeline.add(li.getAttribute("data-action")));
		assertThat(timeline).containsExactly("open", "dispatch", "verify", "attach-evidence", "rectify-at-once", "reply",
				"rater-answer", "reveal-mobile", "revisit", "close");
		page("office-closed");
		phone("office-closed");
		open("/app/orders/" + id + "?lang=en");
		assertThat(text(By.id("order-state"))).isEqualTo("Closed");
		assertThat(text(By.id("timeline-heading"))).startsWith("Timeline");
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
		page("office-closed-english");
		open("/app/orders/" + id + "?lang=zh-CN");
		open("/app/orders/ledger?state=CLOSED&department=" + hall().department());
		assertThat(browser.findElement(By.id("ledger-" + id)).getText()).contains("已销号");
		page("office-ledger");

		// what was stored: closed, with the full timeline, each step by the person who took it
		JsonNode stored = admin.get("/api/v1/work-orders/" + id).json();
		assertThat(stored.path("order").path("state").asString()).isEqualTo("CLOSED");
		JsonNode steps = admin.get("/api/v1/work-orders/" + id + "/timeline").json();
		List<String> actors = new ArrayList<>();
		steps.forEach(s -> actors.add(s.path("action").asString() + ":" + s.path("actor").asString()));
		assertThat(actors).containsExactly("open:system", "dispatch:" + hotline.login(), "verify:" + department.login(),
				"attach-evidence:" + department.login(), "rectify-at-once:" + department.login(),
				"reply:" + department.login(), "rater-answer:rater", "reveal-mobile:" + hotline.login(),
				"revisit:" + hotline.login(), "close:" + office.login());
	}

	// ------------------------------------------------------------------------------------------------ helpers

	private long oneStarRating(String mobile) {
		var c = aCase().completedAfter(5);
		c.create();
		var rated = rate(rating(c.caseNo(), 1, "comment", "窗口态度差，等候时间长", "rater", Map.of("name", "赵六", "mobile", mobile)));
		assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from rct_order_rating where case_no = :c")
			.param("c", c.caseNo()).query(Long.class).single() > 0);
		return jdbc.sql("select order_id from rct_order_rating where case_no = :c").param("c", c.caseNo()).query(Long.class)
			.single();
	}

	private void signIn(People.Person person) {
		browser.get(base + "/login");
		type("username", person.login());
		type("password", person.password());
		browser.findElement(By.id("sign-in")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
	}

	private void signOut() {
		browser.findElement(By.id("logout")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
	}

	private void open(String path) {
		browser.get(base + path);
	}

	private void type(String id, String text) {
		WebElement input = browser.findElement(By.id(id));
		input.clear();
		input.sendKeys(text);
	}

	/** Clicks a submit button and waits for the page it leads to. */
	private void submit(String id) {
		Pages.follow(browser, browser.findElement(By.id(id)));
	}


	private String text(By by) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(by)).getText().strip();
	}

	/** Checks the page with axe-core and keeps a screenshot of it at the office screen's size. */
	private void page(String name) throws IOException {
		accessible(name);
		shot(name);
	}

	/** The same page at a phone's size, photographed, then back to the office screen. */
	private void phone(String name) throws IOException {
		browser.manage().window().setSize(PHONE);
		Number overflow = (Number) browser.executeScript(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertThat(overflow.intValue()).as(name + " scrolls sideways on a phone").isLessThanOrEqualTo(0);
		shot(name + "-phone");
		browser.manage().window().setSize(OFFICE_SCREEN);
	}

	/** What the screen shows first, and the whole page (the window stretched to its height) to look at. */
	private void shot(String name) throws IOException {
		step++;
		Files.write(SHOTS.resolve(String.format("walkthrough-%02d-%s.png", step, name)), browser.getScreenshotAs(OutputType.BYTES));
		Dimension size = browser.manage().window().getSize();
		Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
		if (height.intValue() > size.getHeight()) {
			browser.manage().window().setSize(new Dimension(size.getWidth(), Math.min(height.intValue() + 120, 8000)));
			Files.write(SHOTS.resolve(String.format("walkthrough-%02d-%s-full.png", step, name)),
					browser.getScreenshotAs(OutputType.BYTES));
			browser.manage().window().setSize(size);
		}
	}

	/** axe-core in the page: no violation of serious or critical impact. */
	private void accessible(String name) {
		Axe.assertAccessible(browser, name + " (" + browser.getCurrentUrl() + ")");
	}
}
