package org.hcp.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.hcp.shared.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * The minimum a person's password meets (issue 6 §1): at least {@code hcp.security.password.min-length} characters
 * (10), not the login name, and at most 72 bytes in UTF-8 — BCrypt, the delegating encoder's default, reads no
 * further, so a longer password would silently be cut.
 */
@Component
class PasswordPolicy {

	static final int MAX_BYTES = 72;

	private final int minLength;

	PasswordPolicy(SecurityProperties properties) {
		this.minLength = properties.password().minLength();
	}

	List<FieldProblem> check(String field, String login, String password) {
		List<FieldProblem> problems = new ArrayList<>();
		if (password == null || password.isEmpty()) {
			problems.add(FieldProblem.of(field, "密码不能为空", "a password is required"));
			return problems;
		}
		if (password.codePointCount(0, password.length()) < minLength) {
			problems.add(FieldProblem.of(field, "密码至少 " + minLength + " 个字符", "at least " + minLength + " characters"));
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			problems.add(FieldProblem.of(field, "密码最多 72 字节（UTF-8）", "at most 72 bytes in UTF-8"));
		}
		if (login != null && password.trim().equalsIgnoreCase(login.trim())) {
			problems.add(FieldProblem.of(field, "密码不能与登录名相同", "must not be the login name"));
		}
		return problems;
	}

	int minLength() {
		return minLength;
	}
}
