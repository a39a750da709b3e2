package org.hcp.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.hcp.privacy.PersonalData;
import org.hcp.support.Axe;
import org.hcp.support.Chromium;
import org.hcp.support.Http;
import org.hcp.support.Pages;
import org.hcp.support.People;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The two exchange screens in a real browser. An administrator registers a lower platform with the form (keyboard
 * and clicks), sees it listed without its secret, has a wrong public key refused at its field, and rotates our key;
 * an office of the region sees a record the upper platform could not take, with the answer. axe-core finds no
 * serious or critical violation; screenshots at 1366×768 and 360×740 go to {@code docs/screens/}.
 */
class ExchangeScreensBrowserIT extends NationalFixtures {

	private static final Dimension DESK = new Dimension(1366, 768);
	private static final Dimension PHONE = new Dimension(360, 740);
	private static final Path SCREENS = Path.of("docs/screens");

	@Autowired
	PersonalData personalData;

	@Autowired
	Clock clock;

	private ChromeDriver browser;
	private final List<String> cases = new ArrayList<>();

	@BeforeEach
	void openBrowser() throws IOException {
		browser = Chromium.start(DESK.getWidth(), DESK.getHeight());
		Files.createDirectories(SCREENS);
	}

	/** Leaves no upper platform and none of this test's outbox rows behind for the tests that share the context. */
	@AfterEach
	void cleanUp() {
		if (browser != null) {
			browser.quit();
		}
		jdbc.sql("delete from xch_peer where direction = 'UPPER'").update();
		for (String caseNo : cases) {
			jdbc.sql("delete from xch_outbox where case_key = :c").param("c", caseNo).update();
		}
	}

	@Test
	void the_admin_registers_a_peer_sees_a_refused_key_at_its_field_and_rotates_our_key() throws IOException {
		county();
		signIn(new People(port).admin());
		browser.get(url("/app/admin/exchange"));
		Axe.assertAccessible(browser, "exchange administration");

		String appId = unique("LOWB");
		String secret = unique("browser-secret-");
		String publicKey = Sm2.generate().publicKey();
		fill(appId, "浏览器测试县平台", publicKey, secret);
		new Select(browser.findElement(By.id("peer-direction"))).selectByValue("LOWER");
		new Select(browser.findElement(By.id("peer-mode"))).selectByValue("SM2_SIGN");
		Pages.follow(browser, browser.findElement(By.cssSelector("#peer-form button[type=submit]")));

		assertThat(browser.findElement(By.id("exchange-notice")).getText()).contains("已登记对接平台 " + appId);
		assertThat(row("peers", appId)).contains("浏览器测试县平台", COUNTY, "SM2 数字签名", "已设置");
		assertThat(browser.getPageSource()).doesNotContain(secret);

		String refusedId = unique("LOWB");
		fill(refusedId, "浏览器测试县平台", "04abc", secret);
		Pages.follow(browser, browser.findElement(By.cssSelector("#peer-form button[type=submit]")));
		WebElement key = browser.findElement(By.id("peer-key"));
		assertThat(key.getDomAttribute("aria-invalid")).as("the public key is marked wrong").isEqualTo("true");
		String described = key.getDomAttribute("aria-describedby");
		assertThat(described).as("the public key names its problem").isNotBlank();
		assertThat(browser.findElement(By.id(described)).getText()).isNotBlank();
		assertThat(browser.findElement(By.id("peer-app")).getDomAttribute("aria-invalid")).isNotEqualTo("true");
		assertThat(browser.findElement(By.id("exchange-problems")).getText()).contains("SM2 公钥");
		assertThat(browser.findElements(By.xpath("//table[@id='peers']//td[.='" + refusedId + "']"))).isEmpty();
		assertThat(browser.getPageSource()).doesNotContain(secret);
		Axe.assertAccessible(browser, "exchange administration with a refused peer");

		browser.get(url("/app/admin/exchange"));
		String before = ourPublicKey();
		Pages.follow(browser, browser.findElement(By.cssSelector("#rotate-keys button")));
		String after = ourPublicKey();
		assertThat(after).isNotEqualTo(before);
		assertThat(browser.findElement(By.id("exchange-notice")).getText()).contains("已生成新的当前密钥");
		assertThat(row("keys", after)).contains("当前");
		assertThat(row("keys", before)).contains("重叠期内");
		assertThat(browser.getPageSource()).doesNotContain(secret);
		Axe.assertAccessible(browser, "exchange administration after a rotation");
		screenshots("exchange-admin");
	}

	@Test
	void an_office_sees_a_failed_push_with_the_upper_platforms_answer() throws IOException {
		jdbc.sql("delete from xch_peer where direction = 'UPPER'").update();
		registerUnreachableUpper();
		String projectNo = serviceAndRating();
		Http.Reply push = admin.post("/api/v1/admin/jobs/exchange-push/run", null);
		assertThat(push.status()).as(push.toString()).isEqualTo(200);

		signIn(new People(port).office(COUNTY));
		browser.get(url("/app/exchange"));
		String failed = row("outbox-failures", projectNo);
		assertThat(failed).contains("服务记录", COUNTY, "UNREACHABLE");
		assertThat(browser.findElement(By.id("outbox-backlog")).getText()).contains("待上报");
		assertThat(browser.findElements(By.id("outbox-resend"))).as("the 补报 button is for administrators").isEmpty();
		assertThat(browser.getPageSource()).doesNotContain("13812345678", "110101199003074512");
		Axe.assertAccessible(browser, "push upward of an office");
		screenshots("exchange-outbox");
	}

	/** An upper platform whose endpoint is a port on 127.0.0.1 that nobody listens on: every push fails. */
	private void registerUnreachableUpper() throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("insert into xch_peer (app_id, name, direction, region_code, public_key, secret_enc, sign_mode, endpoint,"
				+ " our_app_id, enabled, created_at, created_by, updated_at, updated_by) values (:app, '市平台', 'UPPER',"
				+ " :region, :key, :secret, 'SM2_ENCRYPT', :endpoint, :mark, true, :now, 'test', :now, 'test')")
			.param("app", unique("city-"))
			.param("region", hall().region().substring(0, 4) + "00000000")
			.param("key", Sm2.generate().publicKey())
			.param("secret", personalData.encrypt(unique("s3cret-")))
			.param("endpoint", "http://127.0.0.1:" + closed + "/api/exchange/v1/national")
			.param("mark", unique("MARK"))
			.param("now", now)
			.update();
	}

	private String serviceAndRating() {
		String projectNo = unique("P");
		cases.add(projectNo);
		Http.Reply service = admin.post("/api/exchange/v1/services", serviceRecord(hall().region(), projectNo, 1));
		assertThat(service.status()).as(service.toString()).isEqualTo(201);
		Http.Reply rating = admin.post("/api/exchange/v1/evaluations", evaluationRecord(projectNo, 5, ""));
		assertThat(rating.status()).as(rating.toString()).isEqualTo(201);
		return projectNo;
	}

	/** Types into the peer form as a person does: click a field, type, Tab on. */
	private void fill(String appId, String name, String publicKey, String secret) {
		type("peer-app", appId);
		type("peer-name", name);
		type("peer-region", COUNTY);
		type("peer-key", publicKey);
		type("peer-secret", secret);
	}

	private void type(String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		field.click();
		field.clear();
		field.sendKeys(text, Keys.TAB);
	}

	private String row(String table, String cell) {
		return browser.findElement(By.xpath("//table[@id='" + table + "']//tr[td[normalize-space(.)='" + cell + "']]"))
			.getText();
	}

	private void signIn(People.Person person) {
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(person.login());
		browser.findElement(By.id("password")).sendKeys(person.password());
		Pages.follow(browser, browser.findElement(By.id("sign-in")));
	}

	private void screenshots(String name) throws IOException {
		Files.write(SCREENS.resolve(name + "-1366x768.png"), browser.getScreenshotAs(OutputType.BYTES));
		browser.manage().window().setSize(PHONE);
		Number overflow = (Number) browser.executeScript(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertThat(overflow.intValue()).as(name + " scrolls sideways on a phone").isLessThanOrEqualTo(0);
		// nor does a table scroll sideways inside its box: its rows become cards, a line per labelled cell
		Object wideTables = browser.executeScript("return [...document.querySelectorAll('.table-wrap')]"
				+ ".filter(w => w.scrollWidth > w.clientWidth + 1).map(w => w.querySelector('table').id)");
		assertThat((List<?>) wideTables).as(name + ": tables wider than a phone").isEmpty();
		browser.executeScript("document.querySelector('table.stack').scrollIntoView()");
		Files.write(SCREENS.resolve(name + "-360x740.png"), browser.getScreenshotAs(OutputType.BYTES));
		browser.executeScript("window.scrollTo(0, 0)");
		browser.manage().window().setSize(DESK);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}
}
