package org.hcp.doors;

import java.time.Duration;

import org.springframework.http.ResponseCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * What the raters' layout ({@code templates/doors/layout.html}) reads on every page of this module: the 适老化 choices
 * (large text, high contrast) from the cookie {@code hcp-a11y}, so the first paint of the next page is already large.
 * The layout's buttons toggle them in the browser (and write the cookie); without JavaScript they are a plain
 * {@code GET /a11y?toggle=large&back=/…} that sets the cookie and returns to the page.
 */
@ControllerAdvice(basePackageClasses = RatingPageLayout.class)
class RatingPageLayout {

	static final String COOKIE = "hcp-a11y";

	@ModelAttribute("a11y")
	A11y a11y(@CookieValue(name = COOKIE, required = false) String cookie) {
		return A11y.of(cookie);
	}

	/** Large text and high contrast, as the cookie holds them ("large.contrast", "large", "contrast", "none"). */
	record A11y(boolean large, boolean contrast) {

		static A11y of(String cookie) {
			String v = cookie == null ? "" : cookie;
			return new A11y(v.contains("large"), v.contains("contrast"));
		}

		A11y toggled(String what) {
			return new A11y("large".equals(what) != large, "contrast".equals(what) != contrast);
		}

		String cookieValue() {
			return large && contrast ? "large.contrast" : large ? "large" : contrast ? "contrast" : "none";
		}
	}

	/** The no-script toggle: flips one choice and returns to the page it came from (a path of this site only). */
	@Controller
	static class Toggle {

		@GetMapping("/a11y")
		String toggle(@RequestParam(required = false) String toggle, @RequestParam(required = false) String back,
				@CookieValue(name = COOKIE, required = false) String cookie, HttpServletResponse response) {
			A11y now = A11y.of(cookie).toggled(toggle);
			response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, now.cookieValue()).path("/")
				.maxAge(Duration.ofDays(365)).sameSite("Lax").build().toString());
			return "redirect:" + localPath(back);
		}

		/** Only a path of this site: never "//host", a scheme or a backslash trick (no open redirect). */
		static String localPath(String back) {
			if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")
					|| back.contains(":") || back.length() > 300) {
				return "/rate";
			}
			return back;
		}
	}
}
