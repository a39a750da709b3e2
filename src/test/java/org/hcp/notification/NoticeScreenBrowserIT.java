package org.hcp.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.hcp.rectification.WorkOrderAdvanced;
import org.hcp.rectification.WorkOrderState;
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

/**
 * The messages screen in a real browser (Debian chromium + chromedriver; run by the browser profile): signed in on the
 * login page, a message marked read with htmx, usable at 1366×768 and on a phone without sideways scrolling.
 */
class NoticeScreenBrowserIT extends NoticeFixtures {

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
	void a_handler_marks_a_message_read_on_the_screen_on_an_office_screen_and_a_phone() throws Exception {
		String department = newDepartment(hall().region());
		long order = newOrderId();
		publish(new WorkOrderAdvanced(order, "GD" + order, "dispatch", WorkOrderState.RECEIVED, WorkOrderState.DISPATCHED,
				hall().region(), department, null, Instant.now()));
		await().atMost(Duration.ofSeconds(10)).until(() -> messages(order) == 1);
		long id = jdbc.sql("select id from ntf_message where order_id = :o").param("o", order).query(Long.class).single();
		People.Person handler = new People(port).department(hall().region(), department);

		String base = "http://127.0.0.1:" + port;
		browser.get(base + "/login");
		browser.findElement(By.id("username")).sendKeys(handler.login());
		browser.findElement(By.id("password")).sendKeys(handler.password());
		Pages.follow(browser, browser.findElement(By.id("sign-in")));
		browser.get(base + "/app/notices");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("我的消息");
		// the navigation of the layout shows the unread count, loaded by htmx
		await().atMost(Duration.ofSeconds(5)).until(() -> !browser.findElements(By.id("notice-badge")).isEmpty());
		assertThat(browser.findElement(By.id("notice-badge")).getText()).isEqualTo("1");
		assertThat(browser.findElement(By.id("notice-" + id)).getText()).contains("GD" + order).contains("派至本单位");
		shoot("notices-1366");
		assertThat(noSidewaysScrolling()).isTrue();

		browser.findElement(By.id("notice-read-" + id)).click();
		await().atMost(Duration.ofSeconds(5)).until(() -> browser.findElement(By.id("notice-" + id))
			.getAttribute("class").contains("notice-read"));
		assertThat(browser.findElements(By.id("notice-read-" + id))).isEmpty();
		assertThat(jdbc.sql("select count(*) from ntf_message_read where message_id = :m").param("m", id)
			.query(Long.class).single()).isEqualTo(1);
		// marking read tells the badge to reload: nothing unread, no badge
		await().atMost(Duration.ofSeconds(5)).until(() -> browser.findElements(By.id("notice-badge")).isEmpty());

		browser.manage().window().setSize(new Dimension(390, 844));
		browser.get(base + "/app/notices?lang=en");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("My messages");
		shoot("notices-phone");
		assertThat(noSidewaysScrolling()).as("usable on a phone").isTrue();
	}

	private boolean noSidewaysScrolling() {
		return (Boolean) browser.executeScript(
				"return document.documentElement.scrollWidth <= window.innerWidth + 1;");
	}

	private void shoot(String name) throws Exception {
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target/" + name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
	}
}
