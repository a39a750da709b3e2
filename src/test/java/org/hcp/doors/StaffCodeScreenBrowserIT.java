package org.hcp.doors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.hcp.support.Axe;
import org.hcp.support.Chromium;
import org.hcp.support.People;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The office's staff-code screen in a real browser: a code issued and re-issued with htmx (the re-issue asks first),
 * axe-core without serious or critical violations, and screenshots at 1366×768 and 360×740 for the README.
 */
class StaffCodeScreenBrowserIT extends ServiceFixtures {

	private static final Path SCREENS = Path.of("docs/screens");

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
	void an_office_issues_then_re_issues_a_staff_code_and_the_page_passes_axe() throws Exception {
		String institution = newInstitution(county());
		String window = newWindow(institution);
		String staffNo = unique("STF");
		assertThat(admin.post("/api/v1/catalog/staff", Map.of("staffNo", staffNo, "name", "孙八", "mobile", randomMobile(),
				"institutionCode", institution, "windowCode", window)).status()).isEqualTo(201);
		People.Person office = new People(port).office(county());
		String base = "http://127.0.0.1:" + port;
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

		browser.get(base + "/login");
		browser.findElement(By.id("username")).sendKeys(office.login());
		browser.findElement(By.id("password")).sendKeys(office.password());
		browser.findElement(By.id("sign-in")).click();
		wait.until(ExpectedConditions.urlContains("/app"));
		browser.get(base + "/app/codes?institutionCode=" + institution);
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("工作人员评价二维码（一码一账号）");
		accessible("codes, nothing issued");

		browser.findElement(By.id("issue-" + staffNo)).click();
		wait.until(d -> code(staffNo) != null && !code(staffNo).isEmpty());
		String first = code(staffNo);
		assertThat(activeCode(staffNo)).isEqualTo(first);
		assertThat(browser.findElement(By.id("png-" + staffNo)).getAttribute("href")).endsWith("/app/codes/" + staffNo + ".png");
		accessible("codes, one issued");
		shot("codes-1366x768");

		browser.findElement(By.id("issue-" + staffNo)).click();
		wait.until(ExpectedConditions.alertIsPresent()).accept();
		wait.until(d -> !first.equals(code(staffNo)));
		assertThat(activeCode(staffNo)).isEqualTo(code(staffNo)).isNotEqualTo(first);

		browser.manage().window().setSize(new Dimension(360, 740));
		browser.get(base + "/app/codes?institutionCode=" + institution);
		Number overflow = (Number) browser.executeScript(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertThat(overflow.intValue()).as("the page scrolls sideways on a phone").isLessThanOrEqualTo(0);
		accessible("codes on a phone");
		shot("codes-360x740");
	}

	/** The code shown in the staff member's row; the row is swapped by htmx, so a read that meets the old one reads again. */
	private String code(String staffNo) {
		for (int attempt = 0;; attempt++) {
			try {
				return browser.findElement(By.id("code-" + staffNo)).getAttribute("data-code");
			}
			catch (org.openqa.selenium.StaleElementReferenceException e) {
				if (attempt == 5) {
					throw e;
				}
			}
		}
	}

	private String activeCode(String staffNo) {
		return jdbc.sql("select code from door_staff_code where staff_no = :s and revoked_at is null").param("s", staffNo)
			.query(String.class).optional().orElse(null);
	}

	private void shot(String name) throws IOException {
		Files.createDirectories(SCREENS);
		Files.write(SCREENS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
	}

	/** axe-core in the page: no violation of serious or critical impact. */
	private void accessible(String name) {
		Axe.assertAccessible(browser, name + " (" + browser.getCurrentUrl() + ")");
	}
}
