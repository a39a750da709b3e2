package org.hcp.doors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hcp.catalog.ChannelFamily;
import org.hcp.evaluation.RatingDoors;
import org.hcp.support.Axe;
import org.hcp.support.Chromium;
import org.hcp.support.Pages;
import org.hcp.support.People;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The entry screens in a real browser (Debian Chromium): a 12345 operator enters a good rating with the keyboard
 * only and a bad one with its reason (refused on the page first without one); a staff member enters paper forms in
 * bulk and the duplicate form number is refused on its row while the other rows are stored. Every page passes
 * axe-core with no serious or critical violation; screenshots at 1366×768 and 360×740 go to {@code docs/screens/}.
 */
class EntryScreensBrowserIT extends ServiceFixtures {

	private static final Path SCREENS = Path.of("docs/screens");
	private static final Dimension DESK = new Dimension(1366, 768);
	private static final Dimension PHONE = new Dimension(360, 740);

	@Autowired
	RatingDoors doors;

	private ChromeDriver browser;
	private WebDriverWait wait;
	private String base;

	@BeforeEach
	void openBrowser() throws IOException {
		browser = Chromium.start(DESK.getWidth(), DESK.getHeight());
		browser.manage().window().setSize(DESK);
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

	@Test
	void an_operator_enters_a_good_rating_by_keyboard_only_and_a_bad_one_with_its_reason() throws IOException {
		var good = aCase().completedAfter(5);
		good.create();
		var bad = aCase().completedAfter(5);
		bad.create();
		People.Person person = new People(port).hotline(hall().region());
		signIn(person);

		// keyboard only: the case number and Enter, Tab to the levels, an arrow key to choose, Tab through the fields
		browser.get(base + "/app/hotline/rate");
		browser.findElement(By.id("lookup-case")).sendKeys(good.caseNo(), Keys.ENTER);
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rate-form")));
		assertThat(browser.findElements(By.cssSelector("input[name=level]:checked"))).as("no level chosen beforehand").isEmpty();
		accessible("hotline");
		screenshots("hotline");
		browser.findElement(By.id("rate-service")).sendKeys(Keys.TAB);
		assertThat(focused()).isEqualTo("level-5");
		active().sendKeys(Keys.ARROW_DOWN);
		assertThat(focused()).isEqualTo("level-4");
		assertThat(browser.findElement(By.id("level-4")).isSelected()).isTrue();
		assertThat(browser.findElement(By.id("options-1")).isDisplayed()).as("no reasons for a good level").isFalse();
		active().sendKeys(Keys.TAB);
		assertThat(focused()).as("the hidden reasons are skipped").isEqualTo("rate-comment");
		active().sendKeys("来电表示办事顺利", Keys.TAB);
		String reference = unique("CALL-");
		assertThat(focused()).isEqualTo("rate-reference");
		active().sendKeys(reference, Keys.TAB);
		assertThat(focused()).isEqualTo("rate-mobile");
		active().sendKeys(Keys.TAB);
		assertThat(focused()).isEqualTo("rate-submit");
		active().sendKeys(Keys.ENTER);
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hotline-recorded"))).getText())
			.contains(good.caseNo()).contains(reference);
		accessible("hotline-recorded");
		Map<String, Object> row = jdbc.sql("select level, channel, submitted_by_user, reference from evl_evaluation where case_no = :c")
			.param("c", good.caseNo()).query().singleRow();
		assertThat(((Number) row.get("level")).intValue()).isEqualTo(4);
		assertThat(row.get("channel")).isEqualTo("HOTLINE_12345");
		assertThat(((Number) row.get("submitted_by_user")).longValue()).isEqualTo(person.id());
		assertThat(row.get("reference")).isEqualTo(reference);

		// a bad rating: its reasons pop up; without a reason or text it is refused on the page
		browser.findElement(By.id("lookup-case")).sendKeys(bad.caseNo(), Keys.ENTER);
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rate-form")));
		browser.findElement(By.cssSelector("label[for=level-1]")).click();
		assertThat(browser.findElement(By.id("options-1")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("options-2")).isDisplayed()).isFalse();
		browser.findElement(By.id("rate-reference")).sendKeys(unique("CALL-"));
		submit("rate-submit");
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hotline-problem"))).getText()).isNotBlank();
		assertThat(storedRatings(bad.caseNo())).isZero();
		accessible("hotline-refused");
		screenshots("hotline-refused");
		String indicator = doors.badReviewOptions(ChannelFamily.OFFLINE).get(1).get(0).code();
		assertThat(browser.findElement(By.id("level-1")).isSelected()).as("the choice is kept").isTrue();
		browser.findElement(By.cssSelector("label[for=indicator-" + indicator + "]")).click();
		submit("rate-submit");
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hotline-recorded"))).getText())
			.contains(bad.caseNo()).contains("差评");
		long id = jdbc.sql("select id from evl_evaluation where case_no = :c").param("c", bad.caseNo()).query(Long.class).single();
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"select count(*) from rct_order_rating where evaluation_id = :id").param("id", id).query(Long.class).single() == 1);
	}

	@Test
	void paper_forms_in_bulk_refuse_the_duplicate_form_number_on_its_row_and_store_the_others() throws IOException {
		List<String> cases = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			var c = aCase().completedAfter(5);
			c.create();
			cases.add(c.caseNo());
		}
		signIn(new People(port).staff(hall().region(), hall().staffNo()));
		String taken = unique("PF-");
		browser.get(base + "/app/paper");
		assertThat(browser.findElements(By.cssSelector("fieldset.paper-row"))).hasSize(5);
		accessible("paper");
		screenshots("paper");
		fill(0, taken, cases.get(0), "5", "", "");
		submit("paper-submit");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stored-" + taken)));

		String second = unique("PF-");
		String third = unique("PF-");
		String indicator = doors.badReviewOptions(ChannelFamily.OFFLINE).get(2).get(0).code();
		fill(0, second, cases.get(1), "4", "", "服务好");
		fill(1, taken, cases.get(2), "3", "", "");
		fill(2, third, cases.get(3), "2", indicator, "等候太久");
		submit("paper-submit");

		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("paper-stored"))).getText())
			.contains(second).contains(third).doesNotContain(taken);
		assertThat(browser.findElements(By.cssSelector("fieldset.paper-row"))).as("only the refused row stays").hasSize(1);
		assertThat(browser.findElement(By.id("err-formNo-0")).getText()).contains(taken);
		assertThat(browser.findElement(By.id("outcome-0")).getText()).contains("DUPLICATE_FORM_NO");
		assertThat(browser.findElement(By.id("caseNo-0")).getAttribute("value")).isEqualTo(cases.get(2));
		assertThat(storedRatings(cases.get(1))).isEqualTo(1);
		assertThat(storedRatings(cases.get(2))).isZero();
		assertThat(storedRatings(cases.get(3))).isEqualTo(1);
		accessible("paper-refused");
		screenshots("paper-refused");

		submit("paper-add-row");
		assertThat(browser.findElements(By.cssSelector("fieldset.paper-row"))).hasSize(2);
		assertThat(browser.findElement(By.id("recent")).getText()).contains(taken).contains(second).contains(third);
	}

	private void fill(int row, String formNo, String caseNo, String level, String indicators, String comment) {
		type("formNo-" + row, formNo);
		type("caseNo-" + row, caseNo);
		new Select(browser.findElement(By.id("level-" + row))).selectByValue(level);
		type("indicators-" + row, indicators);
		type("comment-" + row, comment);
	}

	private void signIn(People.Person person) {
		browser.get(base + "/login");
		type("username", person.login());
		type("password", person.password());
		browser.findElement(By.id("sign-in")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("who-name")));
	}

	private void type(String id, String text) {
		WebElement input = browser.findElement(By.id(id));
		input.clear();
		if (!text.isEmpty()) {
			input.sendKeys(text);
		}
	}

	/** Clicks a submit button and waits for the page it leads to. */
	private void submit(String id) {
		Pages.follow(browser, browser.findElement(By.id(id)));
	}


	private WebElement active() {
		return browser.switchTo().activeElement();
	}

	private String focused() {
		return active().getAttribute("id");
	}

	/** The page at 1366×768 and at 360×740 (no sideways scrolling on the phone), then back. */
	private void screenshots(String name) throws IOException {
		Files.write(SCREENS.resolve(name + "-1366x768.png"), browser.getScreenshotAs(OutputType.BYTES));
		browser.manage().window().setSize(PHONE);
		Number overflow = (Number) browser.executeScript(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertThat(overflow.intValue()).as(name + " scrolls sideways on a phone").isLessThanOrEqualTo(0);
		Files.write(SCREENS.resolve(name + "-360x740.png"), browser.getScreenshotAs(OutputType.BYTES));
		browser.manage().window().setSize(DESK);
	}

	/** axe-core in the page: no violation of serious or critical impact. */
	private void accessible(String name) {
		Axe.assertAccessible(browser, name + " (" + browser.getCurrentUrl() + ")");
	}
}
