package org.hcp.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** People's accounts, for administrators: {@code /api/v1/admin/users}. */
@RestController
@RequestMapping("/api/v1/admin/users")
@Tag(name = "security 安全")
class AccountController {

	private static final int MAX_SIZE = 500;

	private final Accounts accounts;

	AccountController(Accounts accounts) {
		this.accounts = accounts;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a person's account (roles, region, department, staff number, initial password)")
	AccountView create(@RequestBody NewAccount account) {
		return accounts.create(account);
	}

	@PostMapping(path = "/import", consumes = "text/csv")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Import accounts from UTF-8 CSV (header: login,displayName,mobile,roles,regionCode,"
			+ "departmentCode,staffNo,password); all lines or none, problems as 'line N: field'; empty passwords are "
			+ "generated and shown only in this answer")
	Map<String, Object> importCsv(@RequestBody byte[] csv) {
		List<Accounts.Imported> imported = accounts.importCsv(csv);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("imported", imported.size());
		body.put("accounts", imported);
		return body;
	}

	@GetMapping
	@Operation(summary = "Accounts, newest first, mobile masked; filter by region (and below), role, enabled, login")
	Accounts.Page list(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String role,
			@RequestParam(required = false) Boolean enabled, @RequestParam(required = false) String login,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		if (page != null && (page < 0 || page > 1_000_000)) {
			throw HcpException.invalid("page", "BAD_PAGE", "page 应为0到1000000之间的整数（从0开始）",
					"page must be an integer from 0 to 1000000 (the first page is 0)");
		}
		if (size != null && (size < 1 || size > MAX_SIZE)) {
			throw HcpException.invalid("size", "BAD_PAGE_SIZE", "size 应为1到" + MAX_SIZE + "之间的整数",
					"size must be an integer from 1 to " + MAX_SIZE);
		}
		if (login != null && login.length() > 64) {
			throw HcpException.invalid("login", "BAD_LOGIN", "登录名最多64位", "a login name has at most 64 characters");
		}
		RegionCode region = regionCode == null || regionCode.isBlank() ? null : RegionCode.parse("regionCode", regionCode);
		return accounts.list(region, roleOf(role), enabled, login, page == null ? 0 : page, size == null ? 50 : size);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One account, mobile masked")
	AccountView get(@PathVariable long id) {
		return accounts.get(id);
	}

	@PostMapping("/{id}/disable")
	@Operation(summary = "Disable an account: it cannot sign in, and its sessions end at their next request")
	AccountView disable(@PathVariable long id) {
		return accounts.disable(id);
	}

	@PostMapping("/{id}/enable")
	@Operation(summary = "Enable a disabled account again (its lock, if any, is lifted)")
	AccountView enable(@PathVariable long id) {
		return accounts.enable(id);
	}

	@PutMapping("/{id}/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Set a new password (at least 10 characters, not the login name); ends the account's sessions")
	void resetPassword(@PathVariable long id, @RequestBody PasswordChange change) {
		accounts.resetPassword(id, change == null ? null : change.password());
	}

	record PasswordChange(String password) {
	}

	private static Role roleOf(String role) {
		if (role == null || role.isBlank()) {
			return null;
		}
		for (Role r : AccountRules.PEOPLE_ROLES) {
			if (r.name().equalsIgnoreCase(role.trim())) {
				return r;
			}
		}
		throw HcpException.invalid("role", "BAD_ROLE", "未知角色（HOTLINE、DEPARTMENT、OFFICE、STAFF、ASSESSOR、ADMIN）",
				"unknown role (HOTLINE, DEPARTMENT, OFFICE, STAFF, ASSESSOR, ADMIN)");
	}
}
