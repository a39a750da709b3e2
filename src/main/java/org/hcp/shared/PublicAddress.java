package org.hcp.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address raters reach this server at ({@code hcp.public-base-url}, HCP_PUBLIC_BASE_URL), for links that leave
 * the server: printed QR codes, receipt codes, SMS texts. Unset, a link made during a request uses that request's own
 * base, and one made outside any request (an SMS from a job) stays relative.
 */
@Component
public class PublicAddress {

	private final String base;

	public PublicAddress(@Value("${hcp.public-base-url:}") String base) {
		String b = base == null ? "" : base.strip();
		this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
	}

	/** The absolute URL of a path such as {@code /q/abc}. */
	public String url(String path) {
		if (!base.isEmpty()) {
			return base + path;
		}
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes) {
			return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUriString();
		}
		return path;
	}

	/** True when a base is configured (so links made outside requests are absolute too). */
	public boolean configured() {
		return !base.isEmpty();
	}
}
