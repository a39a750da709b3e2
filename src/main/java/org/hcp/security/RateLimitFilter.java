package org.hcp.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.List;
import java.util.OptionalLong;

import org.hcp.shared.Bilingual;
import org.hcp.shared.Problems;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rate limits of the endpoints anyone may call without a key: per client address on all of them, and on the bound
 * (QR/evaluator) rating also per binding token, read from the JSON body, which is then handed on unchanged. Runs
 * before Spring Security, so a refused request costs no key look-up and stores nothing.
 */
class RateLimitFilter extends OncePerRequestFilter {

	static final String BOUND = "/api/v1/evaluations/bound";

	private static final UrlPathHelper PATHS = new UrlPathHelper();

	/** Bodies up to this size are read for the token; a larger one is limited by address only (and refused later). */
	private static final int MAX_BODY_READ = 64 * 1024;

	private final RateLimits publicPerAddress;
	private final RateLimits boundPerAddress;
	private final RateLimits boundPerToken;
	private final RateLimits evaluatorPerAddress;
	private final JsonMapper json;

	RateLimitFilter(RateLimitProperties properties, JsonMapper json) {
		this.publicPerAddress = new RateLimits(properties.publicPerAddress(), properties.maxTrackedClients());
		this.boundPerAddress = new RateLimits(properties.boundPerAddress(), properties.maxTrackedClients());
		this.boundPerToken = new RateLimits(properties.boundPerToken(), properties.maxTrackedClients());
		this.evaluatorPerAddress = new RateLimits(properties.evaluatorPerAddress(), properties.maxTrackedClients());
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// decoded, as Spring Security and MVC match it: /api/v1/evaluations/%62ound is the bound-rating endpoint too
		String path = PATHS.getPathWithinApplication(request);
		if (HttpMethod.POST.matches(request.getMethod()) && BOUND.equals(path)) {
			bound(request, response, chain);
		}
		else if (path.startsWith("/evaluator/")) {
			proceedUnless(evaluatorPerAddress.take(request.getRemoteAddr()), request, response, chain);
		}
		else if (isPublic(path)) {
			proceedUnless(publicPerAddress.take(request.getRemoteAddr()), request, response, chain);
		}
		else {
			chain.doFilter(request, response);
		}
	}

	/**
	 * What SecurityConfiguration permits to all, except static assets: also the sign-in page (password guessing is
	 * slowed here, before the lock-out) and the rater's status pages reached by a link without an account.
	 */
	static boolean isPublic(String path) {
		return path.equals("/") || path.equals("/error") || path.startsWith("/api/public/") || path.startsWith("/public/")
				|| path.equals("/login") || path.startsWith("/r/") || isRatingPage(path)
				|| path.equals("/actuator/health") || path.startsWith("/actuator/health/")
				|| path.equals("/v3/api-docs") || path.startsWith("/v3/api-docs/")
				|| path.equals("/swagger-ui.html") || path.startsWith("/swagger-ui/")
				// the national interface answers anyone before it knows the sender: checking a vendor-style sign costs
				// an SM2 decryption, so an address that floods it is slowed here (a platform pushes a few envelopes a second)
				|| path.equals("/api/exchange/v1/national") || path.equals("/api/exchange/v1/public-key");
	}

	/** The raters' pages of module doors: the token, code, kiosk and portal pages and the a11y toggle. */
	static boolean isRatingPage(String path) {
		return path.equals("/rate") || path.startsWith("/rate/") || path.startsWith("/c/") || path.startsWith("/q/")
				|| path.equals("/kiosk") || path.startsWith("/kiosk/") || path.equals("/a11y");
	}

	private void bound(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		OptionalLong wait = boundPerAddress.take(request.getRemoteAddr());
		if (wait.isPresent()) {
			refuse(response, wait.getAsLong());
			return;
		}
		InputStream in = request.getInputStream();
		byte[] head = in.readNBytes(MAX_BODY_READ + 1);
		HttpServletRequest replay = new ReplayedBody(request, head, in);
		String token = head.length <= MAX_BODY_READ ? token(head) : null;
		proceedUnless(token == null ? OptionalLong.empty() : boundPerToken.take(token), replay, response, chain);
	}

	private String token(byte[] body) {
		try {
			JsonNode token = json.readTree(body).path("token");
			return token.isString() && !token.asString().isBlank() ? token.asString() : null;
		}
		catch (RuntimeException malformed) {
			return null; // the controller refuses the body; the address limit still applies
		}
	}

	private void proceedUnless(OptionalLong wait, HttpServletRequest request, HttpServletResponse response,
			FilterChain chain) throws IOException, ServletException {
		if (wait.isPresent()) {
			refuse(response, wait.getAsLong());
		}
		else {
			chain.doFilter(request, response);
		}
	}

	private void refuse(HttpServletResponse response, long retryAfterSeconds) throws IOException {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), Problems.detail(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
				Bilingual.of("请求过于频繁，请 " + retryAfterSeconds + " 秒后再试",
						"Too many requests; retry after " + retryAfterSeconds + " s"),
				List.of()));
	}

	/** The request with its body put back: the bytes already read, then whatever was not read yet. */
	private static final class ReplayedBody extends HttpServletRequestWrapper {

		private final InputStream body;

		ReplayedBody(HttpServletRequest request, byte[] head, InputStream rest) {
			super(request);
			this.body = new SequenceInputStream(new ByteArrayInputStream(head), rest);
		}

		@Override
		public ServletInputStream getInputStream() {
			return new ServletInputStream() {
				private boolean finished;

				@Override
				public int read() throws IOException {
					int b = body.read();
					finished = b < 0;
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = body.read(buffer, offset, length);
					finished = n < 0;
					return n;
				}

				@Override
				public boolean isFinished() {
					return finished;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous reads only");
				}
			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					java.nio.charset.Charset.forName(encoding)));
		}
	}
}
