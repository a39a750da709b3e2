package org.hcp.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium for the browser tests, set up one way for all of them: Chinese first, a fresh profile,
 * and the switches that keep it off the network (this machine's network is closed; without them Chromium keeps trying).
 * {@code -Dhcp.chromium} and {@code -Dhcp.chromedriver} point at other binaries.
 */
public final class Chromium {

	private Chromium() {
	}

	/** A browser window of {@code width}×{@code height}, with a page-load and script timeout of 30 s. */
	public static ChromeDriver start(int width, int height, String... extraArguments) throws IOException {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("hcp.chromium", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--lang=zh-CN", "--window-size=" + width + "," + height,
				"--user-data-dir=" + Files.createTempDirectory("hcp-chromium"));
		options.addArguments(extraArguments);
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(System.getProperty("hcp.chromedriver", "/usr/bin/chromedriver")).toFile())
			.build();
		ChromeDriver browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		return browser;
	}
}
