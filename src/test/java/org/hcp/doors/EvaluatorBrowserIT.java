package org.hcp.doors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.hcp.support.Axe;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The hall evaluator's tablet in a real browser (Debian Chromium): set up by its link, it shows the five levels of
 * the service a hall system bound to it, stores one tap as one rating, keeps a rating made while the network is down
 * and sends it exactly once when the network is back, refuses a bad rating with neither an indicator nor a text on
 * the page, and goes back to its idle screen. Each screen passes axe-core; screenshots go to docs/screens/.
 */
class EvaluatorBrowserIT extends EvaluatorFixtures {

	private static final Path SCREENS = Path.of("docs/screens");
	private static final Dimension TABLET = new Dimension(1366, 768);
	private static final Dimension PHONE = new Dimension(360, 740);

	private ChromeDriver browser;
	private WebDriverWait wait;

	@BeforeEach
	void openBrowser() throws Exception {
		browser = Chromium.start(TABLET.getWidth(), TABLET.getHeight(), "--hide-scrollbars");
		browser.manage().window().setSize(TABLET);
		wait = new WebDriverWait(browser, Duration.ofSeconds(20));
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void the_set_up_tablet_shows_the_bound_service_and_one_tap_stores_one_rating() throws Exception {
		Device device = setUp();
		assertThat(browser.getCurrentUrl()).as("the secret leaves the address bar").doesNotContain("key=");
		assertThat(browser.executeScript("return localStorage.getItem('hcp.evaluator.key." + device.id() + "')"))
			.isEqualTo(device.secret());
		visible("idle");
		accessible("idle");
		screenshot("evaluator-idle", TABLET);
		screenshot("evaluator-idle", PHONE);

		String caseNo = completedCase();
		issued(caseNo, device.id());
		visible("rate");
		assertThat(browser.findElement(By.id("service-item")).getText()).isEqualTo("食品经营许可");
		assertThat(browser.findElement(By.id("service-window")).getText()).isEqualTo(hall().window());
		assertThat(browser.findElements(By.cssSelector("[aria-pressed=true], input:checked"))).as("nothing chosen")
			.isEmpty();
		accessible("rate");
		screenshot("evaluator-rate", TABLET);
		screenshot("evaluator-rate", PHONE);

		browser.findElement(By.id("level-5")).click();
		visible("thanks");
		await().atMost(Duration.ofSeconds(10)).until(() -> storedRatings(caseNo) == 1);
		assertThat(jdbc.sql("select level from evl_evaluation where case_no = :c").param("c", caseNo).query(Integer.class)
			.single()).isEqualTo(5);
		await().atMost(Duration.ofSeconds(10)).until(() -> queuedInBrowser(device) == 0);
		accessible("thanks");
		screenshot("evaluator-thanks", TABLET);
		screenshot("evaluator-thanks", PHONE);
		// after the thank-you the tablet returns to its idle screen by itself
		visible("idle", Duration.ofSeconds(15));
		assertThat(storedRatings(caseNo)).isEqualTo(1);
	}

	@Test
	void a_rating_made_while_the_network_is_down_is_sent_once_when_it_is_back() throws Exception {
		Device device = setUp();
		String caseNo = completedCase();
		issued(caseNo, device.id());
		visible("rate");

		network(false);
		browser.findElement(By.id("level-4")).click();
		visible("thanks");
		assertThat(queuedInBrowser(device)).as("kept in the browser").isEqualTo(1);
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pending"))).getText()).contains("1");
		Thread.sleep(3000); // a few retries fail while the network is down
		assertThat(storedRatings(caseNo)).isZero();
		assertThat(queuedInBrowser(device)).isEqualTo(1);
		screenshot("evaluator-offline", TABLET);

		network(true);
		await().atMost(Duration.ofSeconds(40)).until(() -> storedRatings(caseNo) == 1 && queuedInBrowser(device) == 0);
		Thread.sleep(3000); // no late re-send stores a second one
		assertThat(storedRatings(caseNo)).isEqualTo(1);
		assertThat(queueState(device, issuedToken(device, caseNo))).isEqualTo("DONE");
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("pending")));
	}

	@Test
	void a_bad_rating_needs_an_indicator_or_a_text_on_the_page_and_is_stored_with_its_indicator() throws Exception {
		Device device = setUp();
		String caseNo = completedCase();
		issued(caseNo, device.id());
		visible("rate");
		browser.findElement(By.id("level-1")).click();
		WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bad-1")));
		browser.findElement(By.id("bad-submit-1")).click();
		String refusal = wait.until(d -> {
			String text = d.findElement(By.id("bad-1-error")).getText();
			return text.isBlank() ? null : text;
		});
		assertThat(refusal).isNotBlank();
		Thread.sleep(1000);
		assertThat(storedRatings(caseNo)).as("refused on the page, nothing sent").isZero();
		accessible("bad");
		screenshot("evaluator-bad", TABLET);

		WebElement box = panel.findElement(By.cssSelector("input[name=indicators]"));
		String indicator = box.getAttribute("value");
		panel.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']")).click();
		browser.findElement(By.id("bad-submit-1")).click();
		visible("thanks");
		await().atMost(Duration.ofSeconds(10)).until(() -> storedRatings(caseNo) == 1);
		Map<String, Object> row = jdbc.sql("select level, indicators, channel from evl_evaluation where case_no = :c")
			.param("c", caseNo).query().singleRow();
		assertThat(row.get("level")).isEqualTo(1);
		assertThat((String) row.get("indicators")).contains(indicator);
		assertThat(row.get("channel")).isEqualTo("HALL_EVALUATOR");
	}

	@Test
	void a_service_nobody_rates_goes_back_to_the_idle_screen_and_is_dismissed() throws Exception {
		Device device = setUp();
		String caseNo = completedCase();
		String token = issued(caseNo, device.id());
		visible("rate");
		visible("idle", Duration.ofSeconds(15));
		await().atMost(Duration.ofSeconds(10)).until(() -> "DISMISSED".equals(queueState(device, token)));
		assertThat(storedRatings(caseNo)).isZero();
	}

	@Test
	void a_tablet_without_the_device_secret_shows_not_registered() throws Exception {
		Device device = registered();
		browser.get(url("/evaluator/" + device.id()));
		visible("not-registered");
		accessible("not-registered");
		screenshot("evaluator-not-registered", TABLET);
	}

	// ---------------------------------------------------------------------------------------------------------

	/** A device registered through the API, its set-up link opened in the browser. */
	private Device setUp() {
		Device device = registered();
		browser.get(url(device.setupUrl()));
		wait.until(d -> !d.getCurrentUrl().contains("key="));
		return device;
	}

	private String issuedToken(Device device, String caseNo) {
		return jdbc.sql("select token from door_device_queue where device_id = :d and case_no = :c")
			.param("d", device.id()).param("c", caseNo).query(String.class).single();
	}

	private void network(boolean online) {
		browser.executeCdpCommand("Network.enable", Map.of());
		browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !online, "latency", 0,
				"downloadThroughput", -1, "uploadThroughput", -1));
	}

	private long queuedInBrowser(Device device) {
		Object length = browser.executeScript("return JSON.parse(localStorage.getItem('hcp.evaluator.queue."
				+ device.id() + "') || '[]').length");
		return ((Number) length).longValue();
	}

	private void visible(String id) {
		visible(id, Duration.ofSeconds(20));
	}

	private void visible(String id, Duration atMost) {
		new WebDriverWait(browser, atMost).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
	}

	private void screenshot(String name, Dimension size) throws IOException {
		Dimension before = browser.manage().window().getSize();
		browser.manage().window().setSize(size);
		Number overflow = (Number) browser.executeScript(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertThat(overflow.intValue()).as(name + " scrolls sideways at " + size).isLessThanOrEqualTo(0);
		Files.createDirectories(SCREENS);
		Files.write(SCREENS.resolve(name + "-" + size.getWidth() + "x" + size.getHeight() + ".png"),
				browser.getScreenshotAs(OutputType.BYTES));
		browser.manage().window().setSize(before);
	}

	/** axe-core in the page: no violation of serious or critical impact. */
	private void accessible(String name) {
		Axe.assertAccessible(browser, name + " (" + browser.getCurrentUrl() + ")");
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}
}
