package org.hcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;

import org.hcp.support.ApiTest;
import org.hcp.support.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The start page in a real browser (Debian chromium + chromedriver; run by the browser profile). */
class StartPageBrowserIT extends ApiTest {

	private ChromeDriver browser;

	@BeforeEach
	void openBrowser() throws Exception {
		browser = Chromium.start(1280, 900);
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void the_start_page_shows_the_levels_and_links_to_the_api() throws Exception {
		browser.get("http://127.0.0.1:" + port + "/");
		assertThat(browser.getTitle()).isEqualTo("政务服务“好差评”");
		assertThat(browser.findElement(By.id("title")).getText()).isEqualTo("政务服务“好差评”");
		assertThat(browser.findElements(By.cssSelector(".levels li"))).hasSize(5);
		byte[] png = browser.getScreenshotAs(OutputType.BYTES);
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target/start-page.png"), png);
		assertThat(png.length).isGreaterThan(1000);
		// the link navigates: wait for the new address instead of reading the old one
		browser.findElement(By.id("openapi-ui")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("swagger-ui"));
		assertThat(browser.getCurrentUrl()).contains("swagger-ui");
	}
}
