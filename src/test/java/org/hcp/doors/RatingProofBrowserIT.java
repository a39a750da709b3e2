package org.hcp.doors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.hcp.evaluation.CaseLinks;
import org.hcp.support.Axe;
import org.hcp.support.Chromium;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rating pages on which the rater proves to be the applicant, in a real browser (Debian chromium + chromedriver;
 * run by the browser profile): a case receipt's short link {@code /c/{code}} (mobile + SMS code) and a window's
 * printed staff code {@code /q/{code}} (case number + ID number), a wrong SMS code refused next to its field, a
 * replaced staff code, keyboard-only use, and the receipt page on a slow 3G-like connection. Every page is checked with
 * axe-core (no serious or critical violation) and for sideways scrolling at 320 px, and photographed at 360×740 and
 * 1366×768 into docs/screens/.
 */
class RatingProofBrowserIT extends ServiceFixtures {

	private static final Path SCREENS = Path.of("docs/screens");
	private static final Dimension NARROW = new Dimension(320, 740);
	private static final Dimension PHONE = new Dimension(360, 740);
	private static final Dimension DESKTOP = new Dimension(1366, 768);
	/** The ID number every test case's applicant has (ServiceFixtures.CaseBuilder). */
	private static final String APPLICANT_ID = "110101199003074512";

	@Autowired
	CaseLinks caseLinks;

	private ChromeDriver browser;
	private WebDriverWait wait;
	private String base;

	@BeforeEach
	void openBrowser() throws Exception {
		browser = Chromium.start(360, 740, "--hide-scrollbars");
		browser.manage().window().setSize(PHONE);
		wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		base = "http://127.0.0.1:" + port;
		Files.createDirectories(SCREENS);
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void a_receipt_link_rates_five_stars_in_one_tap_after_the_applicants_mobile_and_sms_code() throws IOException {
		String mobile = randomMobile();
		String caseNo = aCase().applicantMobile(mobile).completedAfter(30).create().path("caseNo").asString();
		browser.get(base + "/c/" + caseLinks.codeOf(caseNo));
		WebElement mobileField = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mobile")));
		assertThat(browser.getCurrentUrl()).contains("/rate/t/");
		assertThat(browser.findElements(By.id("caseNo"))).as("the receipt names the case").isEmpty();
		assertThat(mobileField.getAttribute("type")).isEqualTo("tel");
		assertThat(mobileField.getAttribute("inputmode")).isEqualTo("tel");
		WebElement codeField = browser.findElement(By.id("oneTimeCode"));
		assertThat(codeField.getAttribute("autocomplete")).isEqualTo("one-time-code");
		assertThat(codeField.getAttribute("inputmode")).isEqualTo("numeric");
		assertThat(browser.findElement(By.id("certNo")).getAttribute("autocomplete")).isEqualTo("off");
		page("rate-receipt");

		mobileField.sendKeys(mobile);
		browser.findElement(By.id("send-code")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code-sent")));
		assertThat(browser.switchTo().activeElement().getAttribute("id")).as("the code field is next")
			.isEqualTo("oneTimeCode");
		assertThat(browser.findElement(By.id("mobile")).getAttribute("value")).isEqualTo(mobile);
		String code = lastSmsCode(mobile).orElseThrow();
		browser.findElement(By.id("oneTimeCode")).sendKeys(code);
		browser.findElement(By.id("level-5")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("thanks-heading")));
		assertThat(browser.findElement(By.id("thanks-level")).getText()).contains("★★★★★");
		assertThat(jdbc.sql("select channel from evl_evaluation where case_no = :c").param("c", caseNo)
			.query(String.class).list()).containsExactly("QR_CODE");
	}

	@Test
	void a_wrong_sms_code_is_refused_next_to_its_field_and_stores_nothing() throws IOException {
		String mobile = randomMobile();
		String caseNo = aCase().applicantMobile(mobile).completedAfter(30).create().path("caseNo").asString();
		browser.get(base + "/c/" + caseLinks.codeOf(caseNo));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mobile"))).sendKeys(mobile);
		browser.findElement(By.id("send-code")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code-sent")));
		String code = lastSmsCode(mobile).orElseThrow();
		browser.findElement(By.id("oneTimeCode")).sendKeys("000000".equals(code) ? "111111" : "000000");
		browser.findElement(By.id("level-5")).click();

		WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("oneTimeCode-error")));
		assertThat(error.getText()).contains("验证码");
		WebElement field = browser.findElement(By.id("oneTimeCode"));
		assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(field.getAttribute("aria-describedby")).isEqualTo("oneTimeCode-error");
		assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("oneTimeCode");
		assertThat(field.getAttribute("value")).as("the wrong code is not kept").isEmpty();
		assertThat(browser.findElement(By.id("mobile")).getAttribute("value")).isEqualTo(mobile);
		assertThat(browser.findElements(By.id("rating-error"))).as("not at the top of the form").isEmpty();
		// the message sits between the field's label and the field
		Number errorTop = (Number) browser.executeScript("return arguments[0].getBoundingClientRect().top", error);
		Number fieldTop = (Number) browser.executeScript("return arguments[0].getBoundingClientRect().top", field);
		Number labelTop = (Number) browser.executeScript(
				"return document.querySelector('label[for=oneTimeCode]').getBoundingClientRect().top");
		assertThat(errorTop.doubleValue()).isGreaterThan(labelTop.doubleValue()).isLessThan(fieldTop.doubleValue());
		assertThat(storedRatings(caseNo)).isZero();
		page("rate-code-refused");

		// the wrong try used an attempt, not the code: the right one still rates
		field.sendKeys(code);
		browser.findElement(By.id("level-4")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("thanks-heading")));
		assertThat(storedRatings(caseNo)).isEqualTo(1);
	}

	@Test
	void after_a_code_was_sent_the_language_switch_opens_the_rating_page_in_english() {
		String mobile = randomMobile();
		String caseNo = aCase().applicantMobile(mobile).completedAfter(30).create().path("caseNo").asString();
		browser.get(base + "/c/" + caseLinks.codeOf(caseNo));
		String page = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mobile"))).getDomProperty("baseURI");
		browser.findElement(By.id("mobile")).sendKeys(mobile);
		browser.findElement(By.id("send-code")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code-sent")));
		browser.findElement(By.id("lang-en")).click();
		WebElement level = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("level-5")));
		assertThat(level.getText()).contains("Very satisfied");
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
		assertThat(browser.getCurrentUrl()).startsWith(page.replaceFirst("\\?.*$", ""));
	}

	@Test
	void a_printed_staff_code_rates_badly_by_case_number_and_id_number_with_the_keyboard_alone_and_thanks_with_who_and_when()
			throws IOException {
		String caseNo = aCase().completedAfter(30).create().path("caseNo").asString();
		String code = admin.post("/api/v1/staff-codes", Map.of("staffNo", hall().staffNo(), "windowCode", hall().window()))
			.json().path("code").asString();
		browser.get(base + "/q/" + code);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("caseNo")));
		assertThat(browser.getCurrentUrl()).contains("/rate/t/");
		assertThat(browser.findElement(By.id("rate-window")).getText()).isEqualTo(hall().window());
		assertThat(browser.findElement(By.id("rate-staff")).getText()).isEqualTo(hall().staffNo());
		assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("王五");
		page("rate-window-code");

		// keyboard alone: Tab to the case number, the ID number (no SMS), 2 stars; Space opens the panel
		tabTo("caseNo");
		keys(caseNo);
		tabTo("certNo");
		keys(APPLICANT_ID);
		tabTo("level-2");
		keys(Keys.SPACE);
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bad-2")));
		WebElement focused = browser.switchTo().activeElement();
		assertThat(focused.getAttribute("id")).as("the panel's first field has the focus").startsWith("ind-2-");
		keys(Keys.SPACE);
		assertThat(focused.isSelected()).isTrue();
		tabTo("bad-submit-2");
		keys(Keys.ENTER);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("thanks-heading")));

		assertThat(browser.findElement(By.id("thanks-department")).getText()).isEqualTo("测试局");
		assertThat(browser.findElement(By.id("thanks-deadline")).getText()).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(jdbc.sql("select channel || ':' || level from evl_evaluation where case_no = :c")
			.param("c", caseNo).query(String.class).list()).containsExactly("QR_CODE:2");
		page("rate-window-code-thanks");
	}

	@Test
	void a_replaced_staff_code_says_to_ask_the_window_for_the_new_one() throws IOException {
		String old = admin.post("/api/v1/staff-codes", Map.of("staffNo", hall().staffNo(), "windowCode", hall().window()))
			.json().path("code").asString();
		admin.post("/api/v1/staff-codes", Map.of("staffNo", hall().staffNo(), "windowCode", hall().window()));
		browser.get(base + "/q/" + old);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("replaced-heading")));
		assertThat(browser.findElements(By.id("level-5"))).isEmpty();
		assertThat(browser.findElement(By.id("replaced-portal")).getAttribute("href")).endsWith("/rate");
		page("code-replaced");
	}

	/**
	 * The receipt page under the "3G Slow" profile (400 kbit/s down and up, 400 ms latency), the cache off: the five
	 * buttons are there and enabled, and the page with its style sheet and script moves less than 100 KB. The time is
	 * printed (a measurement for docs/benchmarks.md), never asserted: this machine is shared.
	 */
	@Test
	void the_receipt_page_is_usable_on_a_slow_3g_connection_and_moves_under_100_kb() {
		String caseNo = aCase().completedAfter(30).create().path("caseNo").asString();
		String link = base + "/c/" + caseLinks.codeOf(caseNo);
		browser.executeCdpCommand("Network.enable", Map.of());
		browser.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
		int bytesPerSecond = 400 * 1000 / 8;
		browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 400,
				"downloadThroughput", bytesPerSecond, "uploadThroughput", bytesPerSecond));
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));

		long started = System.nanoTime();
		browser.get(link);
		new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> {
			for (int n = 1; n <= 5; n++) {
				List<WebElement> level = b.findElements(By.id("level-" + n));
				if (level.isEmpty() || !level.get(0).isDisplayed() || !level.get(0).isEnabled()) {
					return false;
				}
			}
			return true;
		});
		long usableMs = (System.nanoTime() - started) / 1_000_000;

		@SuppressWarnings("unchecked")
		Map<String, Object> m = (Map<String, Object>) browser.executeScript("""
				const nav = performance.getEntriesByType('navigation')[0];
				const res = performance.getEntriesByType('resource');
				return {
				  navigationBytes: nav.transferSize, resourceBytes: res.reduce((s, r) => s + r.transferSize, 0),
				  resources: res.map(r => r.name.replace(location.origin, '') + ' ' + r.transferSize).join(', '),
				  redirectMs: Math.round(nav.redirectEnd - nav.redirectStart),
				  responseEndMs: Math.round(nav.responseEnd), domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),
				  loadMs: Math.round(nav.loadEventEnd), scriptReady: !!document.querySelector('[data-rating-form]')
				};
				""");
		long bytes = ((Number) m.get("navigationBytes")).longValue() + ((Number) m.get("resourceBytes")).longValue();
		System.out.printf("""
				[slow 3G: 400/400 kbit/s, 400 ms, cache off] receipt page %s
				  buttons usable after %d ms (from the request of the short link, wall clock)
				  navigation timing: redirect %d ms, HTML received %d ms, DOMContentLoaded %d ms, load %d ms
				  bytes transferred: %d (HTML %s + resources %s: %s)
				""", browser.getCurrentUrl().replace(base, ""), usableMs, m.get("redirectMs"), m.get("responseEndMs"),
				m.get("domContentLoadedMs"), m.get("loadMs"), bytes, m.get("navigationBytes"), m.get("resourceBytes"),
				m.get("resources"));

		assertThat(browser.getCurrentUrl()).contains("/rate/t/");
		assertThat(((Number) m.get("navigationBytes")).longValue()).as("the emulation and cache-off took effect")
			.isPositive();
		assertThat(bytes).as("bytes transferred by the receipt page").isLessThan(100 * 1024);
	}

	private void keys(CharSequence... keys) {
		new Actions(browser).sendKeys(keys).perform();
	}

	private void tabTo(String id) {
		for (int i = 0; i < 40; i++) {
			keys(Keys.TAB);
			WebElement active = browser.switchTo().activeElement();
			if (id.equals(active.getAttribute("id"))) {
				assertThat(active.getCssValue("outline-style")).as("visible focus on " + id).isNotEqualTo("none");
				return;
			}
		}
		throw new AssertionError("Tab never reached " + id);
	}

	/** axe-core, no sideways scrolling at 320 px, then screenshots at the phone's and the desktop's size. */
	private void page(String name) throws IOException {
		accessible(name);
		browser.manage().window().setSize(NARROW);
		Number width = (Number) browser.executeScript("return document.documentElement.clientWidth");
		assertThat(width.intValue()).as("the narrow window").isLessThanOrEqualTo(320);
		Number overflow = (Number) browser.executeScript(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertThat(overflow.intValue()).as(name + " scrolls sideways at 320 px").isLessThanOrEqualTo(0);
		browser.manage().window().setSize(PHONE);
		Files.write(SCREENS.resolve(name + "-360x740.png"), browser.getScreenshotAs(OutputType.BYTES));
		browser.manage().window().setSize(DESKTOP);
		Files.write(SCREENS.resolve(name + "-1366x768.png"), browser.getScreenshotAs(OutputType.BYTES));
		browser.manage().window().setSize(PHONE);
	}

	/** axe-core in the page: no violation of serious or critical impact. */
	private void accessible(String name) {
		Axe.assertAccessible(browser, name + " (" + browser.getCurrentUrl() + ")");
	}
}
