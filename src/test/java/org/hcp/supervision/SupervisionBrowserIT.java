package org.hcp.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.hcp.support.Pages;
import org.hcp.support.People;
import org.hcp.support.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;

/**
 * A 12345 operator works the random revisit call list in a real browser: the number stays masked until they reveal
 * it (htmx, audited), then they record the answer; an office records a finding that opens a work order. At
 * 1366×768 and on a phone, without sideways scrolling.
 */
class SupervisionBrowserIT extends SupervisionFixtures {

	private ChromeDriver browser;

	@BeforeEach
	void openBrowser() throws Exception {
		browser = Chromium.start(1366, 768);
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void an_operator_reveals_the_number_only_on_demand_and_records_the_answer() throws Exception {
		String township = newTownship();
		completedCases(township, Q2_DAY, 1);
		JsonNode sample = drawn(township, "2026Q2", List.of());
		long call = sample.path("cases").get(0).path("callTaskId").asLong();
		People.Person operator = new People(port).hotline(township);
		browser.get(url("/login"));
		signIn(operator);

		browser.get(url("/app/supervision/calls?quarter=2026Q2"));
		String masked = browser.findElement(By.id("mobile-" + call)).getText();
		assertThat(masked).matches("(?s)139\\*{4}\\d{4}.*");
		assertThat(overflowsSideways()).as("no sideways scrolling at 1366×768").isFalse();
		screenshot("target/supervision-calls-1366.png");
		browser.findElement(By.cssSelector("#mobile-" + call + " button.reveal")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(b -> !b.findElements(By.cssSelector("#mobile-" + call + " a.revealed")).isEmpty());
		String full = browser.findElement(By.cssSelector("#mobile-" + call + " a.revealed")).getText();
		assertThat(full).matches("139\\d{8}").endsWith(masked.substring(7, 11));
		assertThat(count("select count(*) from sup_audit where subject = 'CALL' and subject_id = :t and action = 'reveal-mobile'",
				"t", call)).isEqualTo(1);

		browser.get(url("/app/supervision/calls/" + call));
		browser.findElement(By.cssSelector("label[for=result-SATISFIED]")).click();
		browser.findElement(By.id("attempt-comment")).sendKeys("办事顺利");
		// the form posts and redirects: follow it to the new page rather than race the old one
		Pages.follow(browser, browser.findElement(By.id("attempt-submit")));
		assertThat(browser.findElement(By.id("call-notice")).getText()).isEqualTo("已记录本次回访。");
		assertThat(browser.findElement(By.id("call-state")).getText()).isEqualTo("满意");
		assertThat(browser.getPageSource()).doesNotContain(full);

		browser.manage().window().setSize(new Dimension(390, 844));
		browser.get(url("/app/supervision/calls?state=DONE&quarter=2026Q2"));
		assertThat(overflowsSideways()).as("no sideways scrolling on a phone").isFalse();
		screenshot("target/supervision-calls-phone.png");
	}

	@Test
	void an_office_records_a_finding_marked_as_a_problem_and_a_work_order_opens() {
		People.Person office = new People(port).office(hall().region());
		browser.get(url("/login"));
		signIn(office);
		browser.get(url("/app/supervision/findings"));
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("entry-kind"))).selectByValue("MYSTERY_VISIT");
		browser.findElement(By.id("entry-window")).sendKeys(hall().window());
		browser.findElement(By.id("entry-department")).sendKeys(hall().department());
		String description = unique("暗访发现");
		browser.findElement(By.id("entry-description")).sendKeys(description);
		browser.findElement(By.id("entry-problem-box")).click();
		browser.findElement(By.id("entry-submit")).click();

		// the form posts and the page is replaced: wait for the new one rather than race it
		assertThat(new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(By.id("entry-order")))
			.getText()).startsWith("已生成整改工单");
		assertThat(browser.findElement(By.id("entries")).getText()).contains(description);
		assertThat(count("""
				select count(*) from sup_finding f join sup_finding_order o on o.finding_id = f.id
				where f.description = :d""", "d", description)).isEqualTo(1);
		assertThat(overflowsSideways()).isFalse();
	}

	private void signIn(People.Person person) {
		browser.findElement(By.id("username")).sendKeys(person.login());
		browser.findElement(By.id("password")).sendKeys(person.password());
		Pages.follow(browser, browser.findElement(By.id("sign-in")));
	}

	private boolean overflowsSideways() {
		Object wider = browser.executeScript(
				"return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;");
		return Boolean.TRUE.equals(wider);
	}

	private void screenshot(String file) throws Exception {
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of(file), browser.getScreenshotAs(OutputType.BYTES));
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}
}
