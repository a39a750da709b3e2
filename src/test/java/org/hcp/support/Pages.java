package org.hcp.support;

import java.time.Duration;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Following a link or a form in a browser test: click, then wait until the page it brings has replaced the old one
 * and finished loading — a test that navigates or asserts before that races the browser.
 */
public final class Pages {

	private Pages() {
	}

	/** Clicks {@code element} (a submit button, a link) and waits up to 10 s for the page it leads to. */
	public static void follow(WebDriver browser, WebElement element) {
		element.click();
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		wait.until(d -> gone(element));
		wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
	}

	/**
	 * The element left the document: the page was replaced. While Chromium is swapping the document it may answer
	 * "node does not belong to the document" instead of a stale-element error; both mean the old page is gone.
	 */
	private static boolean gone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException stale) {
			return true;
		}
		catch (WebDriverException swapping) {
			return String.valueOf(swapping.getMessage()).contains("does not belong to the document");
		}
	}
}
