package org.hcp.doors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.hcp.catalog.ChannelFamily;
import org.hcp.evaluation.RatingDoors;
import org.hcp.support.Axe;
import org.hcp.support.Chromium;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
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
 * The raters' pages in a real browser (Debian chromium + chromedriver; run by the browser profile): one tap for a good
 * rating, a bad rating refused on the page without a reason and sent with one, the thank-you page and its progress
 * link, large text kept across pages, keyboard-only use, the kiosk clearing itself, the portal's SMS sign-in, English.
 * Every page is checked with axe-core (no serious or critical violation) and photographed at 360×740 and 1366×768
 * into docs/screens/.
 */
class RatingPagesBrowserIT extends ServiceFixtures {

	private static final Path SCREENS = Path.of("docs/screens");
	private static final Dimension PHONE = new Dimension(360, 740);
	private static final Dimension DESKTOP = new Dimension(1366, 768);

	@Autowired
	RatingDoors doors;

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

	private String kioskToken(String caseNo) {
		return admin.post("/api/v1/binding-tokens", Map.of("kind", "KIOSK", "caseNo", caseNo)).json().path("token")
			.asString();
	}

	private String completedCase() {
		return aCase().completedAfter(30).create().path("caseNo").asString();
	}

	@Test
	void a_good_rating_is_one_tap_and_no_level_is_suggested() throws IOException {
		String caseNo = completedCase();
		browser.get(base + "/rate/t/" + kioskToken(caseNo));
		assertThat(browser.findElements(By.cssSelector("input:checked"))).isEmpty();
		assertThat(browser.findElements(By.cssSelector(".level[aria-pressed='true'], .level[aria-expanded='true']"))).isEmpty();
		assertThat(browser.findElements(By.cssSelector(".bad:not([hidden])"))).isEmpty();
		for (int n = 1; n <= 5; n++) {
			WebElement level = browser.findElement(By.id("level-" + n));
			assertThat(level.getSize().getHeight()).as("touch target of level " + n).isGreaterThanOrEqualTo(48);
			assertThat(level.getText()).contains("★".repeat(n));
		}
		page("rate");
		browser.findElement(By.id("level-4")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("thanks-heading")));
		assertThat(storedRatings(caseNo)).isEqualTo(1);
		assertThat(browser.findElements(By.id("thanks-department"))).isEmpty();
	}

	@Test
	void a_bad_rating_without_indicator_or_text_is_refused_on_the_page_and_with_one_thanks_with_who_and_when()
			throws IOException {
		String caseNo = completedCase();
		browser.get(base + "/rate/t/" + kioskToken(caseNo));
		String url = browser.getCurrentUrl();
		browser.findElement(By.id("level-2")).click();
		WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bad-2")));
		assertThat(browser.findElement(By.id("level-2")).getAttribute("aria-expanded")).isEqualTo("true");
		page("rate-bad");
		browser.findElement(By.id("bad-submit-2")).click();
		WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bad-2-error")));
		assertThat(error.getText()).isNotBlank();
		assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("bad-2-error");
		assertThat(browser.getCurrentUrl()).isEqualTo(url);
		assertThat(storedRatings(caseNo)).isZero();
		shot("rate-refused");

		String code = doors.badReviewOptions(ChannelFamily.OFFLINE).get(2).get(0).code();
		panel.findElement(By.id("ind-2-" + code)).click();
		browser.findElement(By.id("bad-submit-2")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("thanks-heading")));
		assertThat(storedRatings(caseNo)).isEqualTo(1);
		assertThat(browser.findElement(By.id("thanks-department")).getText()).isNotBlank();
		assertThat(browser.findElement(By.id("thanks-deadline")).getText()).matches("\\d{4}-\\d{2}-\\d{2}");
		page("thanks");
		browser.findElement(By.id("thanks-progress")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("progress-heading")));
		assertThat(browser.findElements(By.cssSelector("#progress-pending, #progress-stage"))).isNotEmpty();
		page("progress");
	}

	@Test
	void large_text_persists_across_pages_and_reloads() {
		browser.get(base + "/kiosk");
		assertThat(htmlClass()).doesNotContain("a11y-large");
		double before = fontSize();
		browser.findElement(By.id("a11y-large")).click();
		assertThat(htmlClass()).contains("a11y-large");
		assertThat(browser.findElement(By.id("a11y-large")).getAttribute("aria-pressed")).isEqualTo("true");
		assertThat(fontSize()).isGreaterThan(before);
		browser.navigate().refresh();
		assertThat(htmlClass()).contains("a11y-large");
		browser.get(base + "/rate/t/" + kioskToken(completedCase()));
		assertThat(htmlClass()).contains("a11y-large");
		assertThat(browser.findElement(By.id("a11y-large")).getAttribute("aria-pressed")).isEqualTo("true");
		Cookie cookie = browser.manage().getCookieNamed("hcp-a11y");
		assertThat(cookie.getValue()).contains("large");
		browser.findElement(By.id("a11y-contrast")).click();
		assertThat(htmlClass()).contains("a11y-contrast");
		accessible("rate-large-contrast");
		browser.findElement(By.id("a11y-large")).click();
		browser.navigate().refresh();
		assertThat(htmlClass()).doesNotContain("a11y-large").contains("a11y-contrast");
	}

	@Test
	void the_page_works_with_the_keyboard_alone() {
		String caseNo = completedCase();
		browser.get(base + "/rate/t/" + kioskToken(caseNo));
		// to the 1-star button by Tab alone; Space opens its panel
		tabTo("level-1");
		new Actions(browser).sendKeys(Keys.SPACE).perform();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bad-1")));
		assertThat(browser.switchTo().activeElement().getAttribute("name")).isIn("indicators", "badText");
		String focused = browser.switchTo().activeElement().getAttribute("id");
		if (focused.startsWith("ind-")) {
			new Actions(browser).sendKeys(Keys.SPACE).perform();
		}
		else {
			new Actions(browser).sendKeys("窗口人员态度差").perform();
		}
		tabTo("bad-submit-1");
		new Actions(browser).sendKeys(Keys.ENTER).perform();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("thanks-heading")));
		assertThat(storedRatings(caseNo)).isEqualTo(1);
	}

	@Test
	void the_kiosk_clears_itself_and_returns_to_its_idle_screen() throws IOException {
		browser.get(base + "/kiosk");
		page("kiosk");
		String caseNo = completedCase();
		browser.get(base + "/kiosk/" + kioskToken(caseNo));
		page("kiosk-rate");
		browser.executeScript("sessionStorage.setItem('left', 'behind')");
		browser.findElement(By.cssSelector("#rating-comment-box summary")).click();
		browser.findElement(By.id("rating-comment")).sendKeys("还没写完");
		// left alone: after the idle time (4 s in the tests) the page is gone, and nothing of it is kept
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlToBe(base + "/kiosk"));
		assertThat(browser.findElement(By.id("kiosk-idle")).isDisplayed()).isTrue();
		assertThat(browser.executeScript("return sessionStorage.getItem('left')")).isNull();
		assertThat(storedRatings(caseNo)).isZero();
		// after a rating the thank-you page also returns to the idle screen
		browser.get(base + "/kiosk/" + kioskToken(caseNo));
		browser.findElement(By.id("level-5")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("thanks-idle")));
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlToBe(base + "/kiosk"));
		assertThat(storedRatings(caseNo)).isEqualTo(1);
	}

	@Test
	void the_portal_signs_in_with_an_sms_code_lists_the_cases_rates_and_shows_rated() throws IOException {
		String mobile = randomMobile();
		String caseNo = aCase().applicantMobile(mobile).completedAfter(30).create().path("caseNo").asString();
		String inTheApp = aCase().applicantMobile(mobile).completedAfter(30).create().path("caseNo").asString();
		browser.get(base + "/rate");
		page("portal-signin");
		String sessionBefore = browser.manage().getCookieNamed("JSESSIONID") == null ? ""
				: browser.manage().getCookieNamed("JSESSIONID").getValue();
		browser.findElement(By.id("mobile")).sendKeys(mobile);
		browser.findElement(By.id("send-code")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
		String code = lastSmsCode(mobile).orElseThrow();
		browser.findElement(By.id("code")).sendKeys(code);
		browser.findElement(By.id("signin")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cases")));
		assertThat(browser.findElement(By.id("portal-mobile")).getText()).doesNotContain(mobile);
		assertThat(browser.manage().getCookieNamed("JSESSIONID").getValue()).as("a new session id on sign-in")
			.isNotEqualTo(sessionBefore);
		page("portal");
		WebElement rate = browser.findElement(By.cssSelector("[id^='rate-" + caseNo + "-']"));
		rate.click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rating-form")));
		page("portal-rate");
		browser.findElement(By.id("level-5")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("thanks-back"))).click();
		WebElement rated = wait.until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("[id^='rated-" + caseNo + "-']")));
		assertThat(rated.getText()).contains("★★★★★");
		assertThat(jdbc.sql("select channel from evl_evaluation where case_no = :c").param("c", caseNo)
			.query(String.class).single()).isEqualTo("WEB_PORTAL");
		// opened from the app: the same sign-in, the app's channel
		browser.get(base + "/rate?via=app");
		browser.findElement(By.cssSelector("[id^='rate-" + inTheApp + "-']")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("level-4"))).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("thanks-heading")));
		assertThat(jdbc.sql("select channel from evl_evaluation where case_no = :c").param("c", inTheApp)
			.query(String.class).single()).isEqualTo("MOBILE_APP");
		browser.get(base + "/rate");
		browser.findElement(By.id("signout")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("send-code")));
	}

	@Test
	void the_page_is_in_english_with_lang_en() throws IOException {
		browser.get(base + "/rate/t/" + kioskToken(completedCase()) + "?lang=en");
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
		assertThat(browser.findElement(By.id("level-5")).getText()).contains("Very satisfied");
		page("rate-en");
		browser.get(base + "/rate?lang=zh-CN");
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
	}

	private void tabTo(String id) {
		for (int i = 0; i < 40; i++) {
			new Actions(browser).sendKeys(Keys.TAB).perform();
			WebElement active = browser.switchTo().activeElement();
			if (id.equals(active.getAttribute("id"))) {
				String outline = active.getCssValue("outline-style");
				assertThat(outline).as("visible focus on " + id).isNotEqualTo("none");
				return;
			}
		}
		throw new AssertionError("Tab never reached " + id);
	}

	private String htmlClass() {
		String c = browser.findElement(By.tagName("html")).getAttribute("class");
		return c == null ? "" : c;
	}

	private double fontSize() {
		return Double.parseDouble(String.valueOf(browser.executeScript(
				"return parseFloat(getComputedStyle(document.body).fontSize)")));
	}

	/** axe-core, then screenshots at the phone's and the desktop's size; never sideways scrolling at 360 px. */
	private void page(String name) throws IOException {
		accessible(name);
		Number overflow = (Number) browser.executeScript(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertThat(overflow.intValue()).as(name + " scrolls sideways at 360 px").isLessThanOrEqualTo(0);
		shot(name);
	}

	private void shot(String name) throws IOException {
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
