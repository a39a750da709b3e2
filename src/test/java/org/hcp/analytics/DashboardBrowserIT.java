package org.hcp.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.hcp.support.Axe;
import org.hcp.support.Chromium;
import org.hcp.support.Pages;
import org.hcp.support.People;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An office opens its dashboard in a real browser: the charts draw (a canvas in each), every number is in the page,
 * a child region drills down and the breadcrumb leads back up; axe-core finds no serious or critical violation.
 * Screenshots at 1366×768 and 360×740 go to {@code docs/screens/}.
 */
class DashboardBrowserIT extends DashboardFixtures {

	private static final Dimension DESK = new Dimension(1366, 768);
	private static final Dimension PHONE = new Dimension(360, 740);
	private static final Path SCREENS = Path.of("docs/screens");

	private ChromeDriver browser;

	@BeforeEach
	void openBrowser() throws IOException {
		browser = Chromium.start(DESK.getWidth(), DESK.getHeight());
		Files.createDirectories(SCREENS);
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void the_office_sees_charts_drills_down_to_a_child_region_and_back() throws IOException {
		String township = newTownship();
		String village = newVillage(township, 1);
		rated(village, "2026-11-02", 3, 5, new Rater("钱浏览", "110101198505050022", randomMobile(), "浏览器测试"));
		rated(township, "2026-11-03", 2, 3, new Rater("孙浏览", "110101198505050033", randomMobile(), "浏览器测试"));
		String county = township.substring(0, 6) + "000000";
		People.Person office = new People(port).office(county);
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(office.login());
		browser.findElement(By.id("password")).sendKeys(office.password());
		Pages.follow(browser, browser.findElement(By.id("sign-in")));

		browser.get(url("/app/dashboard?region=" + township + "&period=2026Q4"));
		chartsDrawn();
		assertThat(browser.findElement(By.id("figure-EVALUATIONS")).getText()).contains("5");
		assertThat(browser.findElement(By.id("table-levels")).getText()).contains("3", "2");
		Axe.assertAccessible(browser, "dashboard of a township");
		screenshots("dashboard");

		Pages.follow(browser, browser.findElement(By.cssSelector("#table-children a")));
		assertThat(browser.getCurrentUrl()).contains("region=" + village);
		chartsDrawn();
		assertThat(browser.findElement(By.id("figure-EVALUATIONS")).getText()).contains("3");
		assertThat(browser.findElement(By.id("dashboard-breadcrumb")).getText()).contains("测试镇", "测试村1");
		Axe.assertAccessible(browser, "dashboard of a village");

		Pages.follow(browser, browser.findElement(By.cssSelector("#dashboard-breadcrumb li:first-child a")));
		assertThat(browser.getCurrentUrl()).contains("region=" + county);
		assertThat(browser.findElement(By.id("table-children")).getText()).contains("测试镇");
	}

	private void chartsDrawn() {
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(b -> b.findElements(By.cssSelector("#chart-trend canvas")).size() == 1
					&& b.findElements(By.cssSelector("#chart-levels canvas")).size() == 1
					&& b.findElements(By.cssSelector("#chart-channels canvas")).size() == 1);
	}

	private void screenshots(String name) throws IOException {
		Files.write(SCREENS.resolve(name + "-1366x768.png"), browser.getScreenshotAs(OutputType.BYTES));
		browser.manage().window().setSize(PHONE);
		Number overflow = (Number) browser.executeScript(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertThat(overflow.intValue()).as(name + " scrolls sideways on a phone").isLessThanOrEqualTo(0);
		Files.write(SCREENS.resolve(name + "-360x740.png"), browser.getScreenshotAs(OutputType.BYTES));
		browser.manage().window().setSize(DESK);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}
}
