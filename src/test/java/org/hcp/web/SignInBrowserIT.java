package org.hcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * People sign in on the real sign-in page in a browser, see the layout with their navigation at 1366×768 and on a
 * phone, switch to English, act through htmx (which must carry the CSRF token) and sign out.
 */
class SignInBrowserIT extends ServiceFixtures {

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
	void an_office_signs_in_sees_its_navigation_on_an_office_screen_and_a_phone_and_signs_out() throws Exception {
		People.Person office = new People(port).office(hall().region());
		browser.get(url("/app/orders/ledger"));
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		signIn(office);
		assertThat(browser.getCurrentUrl()).as("back where the person was going").endsWith("/app/orders/ledger");
		browser.get(url("/app"));
		assertThat(browser.findElement(By.id("welcome")).getText()).contains("测试人员");
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
		List<String> nav = browser.findElements(By.cssSelector(".mainnav a")).stream().map(a -> a.getText()).toList();
		assertThat(nav).contains("工作台", "工单", "台账", "申诉复核", "监督回访", "消息").doesNotContain("用户", "我的评价");
		assertThat(browser.findElement(By.cssSelector(".mainnav a[aria-current=page]")).getText()).isEqualTo("工作台");
		assertThat(overflowsSideways()).as("no sideways scrolling at 1366×768").isFalse();
		screenshot("target/app-1366.png");

		browser.manage().window().setSize(new Dimension(390, 844));
		browser.navigate().refresh();
		assertThat(browser.findElement(By.cssSelector(".mainnav")).isDisplayed()).isTrue();
		assertThat(overflowsSideways()).as("no sideways scrolling on a phone").isFalse();
		screenshot("target/app-phone.png");

		browser.findElement(By.linkText("English")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
		assertThat(browser.findElement(By.id("welcome")).getText()).startsWith("Hello");

		browser.findElement(By.id("logout")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/login?logout"));
		browser.get(url("/app"));
		assertThat(browser.getCurrentUrl()).endsWith("/login");
	}

	@Test
	void an_htmx_action_carries_the_csrf_token_of_the_page() {
		People people = new People(port);
		People.Person admin = people.admin();
		People.Person hotline = people.hotline(hall().region());
		browser.get(url("/login"));
		signIn(admin);
		browser.get(url("/app/admin/users?login=" + hotline.login()));
		browser.findElement(By.cssSelector("#user-" + hotline.id() + " form[hx-post$='/disable'] button")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(
				b -> !b.findElements(By.cssSelector("#user-" + hotline.id() + " form[hx-post$='/enable']")).isEmpty());
		assertThat(jdbc.sql("select enabled from sec_user where id = ?").param(hotline.id()).query(Boolean.class).single())
			.isFalse();
		assertThat(browser.getCurrentUrl()).as("no page load: htmx swapped the row").contains("/app/admin/users?login=");
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
