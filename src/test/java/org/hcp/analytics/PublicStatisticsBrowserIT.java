package org.hcp.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hcp.support.Axe;
import org.hcp.support.Chromium;
import org.hcp.support.Pages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Anyone opens the public statistics from the start page, without signing in: the table of an ended quarter with
 * small counts shown as suppressed, a child region one click away; axe-core finds no serious or critical violation.
 */
class PublicStatisticsBrowserIT extends DashboardFixtures {

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
	void the_public_page_opens_without_signing_in_and_suppresses_small_counts() throws IOException {
		String township = newTownship();
		String many = newVillage(township, 1);
		String few = newVillage(township, 2);
		String others = newVillage(township, 3);
		Rater rater = new Rater("李公开", "110101199909090044", randomMobile(), "公开页测试");
		rated(many, "2026-09-01", 8, 5, rater);
		rated(few, "2026-09-02", 2, 4, rater);
		rated(others, "2026-09-03", 3, 4, rater);

		browser.get(url("/"));
		Pages.follow(browser, browser.findElement(By.id("public-statistics")));
		assertThat(browser.getCurrentUrl()).contains("/public/statistics");
		browser.get(url("/public/statistics?region=" + township + "&period=2026Q3"));
		assertThat(browser.findElement(By.id("public-row-" + many)).getText()).contains("8", "100.00 %");
		assertThat(browser.findElement(By.id("public-row-" + few)).getText()).contains("<5");
		assertThat(browser.getPageSource()).doesNotContain(rater.name(), rater.mobile(), rater.comment());
		Axe.assertAccessible(browser, "public statistics");
		screenshots("public-statistics");

		Pages.follow(browser, browser.findElement(By.cssSelector("#public-row-" + many + " a")));
		assertThat(browser.findElement(By.id("public-heading")).getText()).contains("测试村1");
		Axe.assertAccessible(browser, "public statistics of a village");
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
