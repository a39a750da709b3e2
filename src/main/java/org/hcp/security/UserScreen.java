package org.hcp.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.hcp.shared.ChinaTime;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The administrators' screen of people's accounts ({@code /app/admin/users}): list with filters (mobile masked),
 * create, disable and enable (htmx swaps the row), set a new password, import a CSV file. Every change goes
 * through {@link Accounts}, which checks the rules; a refusal is shown on the page with each field's problem.
 */
@Controller
@RequestMapping("/app/admin/users")
class UserScreen {

	private static final String PAGE = "security/users";
	private static final String ROW = "security/user-row :: row";
	private static final int PAGE_SIZE = 50;

	private final Accounts accounts;
	private final Clock clock;

	UserScreen(Accounts accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	/** One line of the list, with its times in China time and whether it is locked now. */
	record Row(AccountView account, boolean locked, String lockedUntil, String createdAt) {
	}

	@GetMapping
	String list(@RequestParam(required = false) String login, @RequestParam(required = false) String role,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, Model model, HttpServletResponse response) {
		model.addAttribute("filter", new Filter(login, role, regionCode, status));
		model.addAttribute("roles", AccountRules.PEOPLE_ROLES);
		try {
			RegionCode region = regionCode == null || regionCode.isBlank() ? null : RegionCode.parse("regionCode", regionCode);
			Role chosen = role == null || role.isBlank() ? null : AccountRules.PEOPLE_ROLES.stream()
				.filter(r -> r.name().equals(role)).findFirst().orElse(null);
			Boolean enabled = "enabled".equals(status) ? Boolean.TRUE : "disabled".equals(status) ? Boolean.FALSE : null;
			String name = login == null || login.isBlank() ? null : login.length() > 64 ? login.substring(0, 64) : login;
			Accounts.Page found = accounts.list(region, chosen, enabled, name, Math.max(0, Math.min(page, 1_000_000)), PAGE_SIZE);
			model.addAttribute("rows", found.accounts().stream().map(this::row).toList());
			model.addAttribute("total", found.total());
			model.addAttribute("page", found.page());
			model.addAttribute("pages", Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE));
		}
		catch (HcpException e) {
			refused(e, model, response);
			model.addAttribute("rows", List.of());
			model.addAttribute("total", 0L);
			model.addAttribute("page", 0);
			model.addAttribute("pages", 1L);
		}
		return PAGE;
	}

	/** The list filters as typed, to show them again. */
	record Filter(String login, String role, String regionCode, String status) {
	}

	@PostMapping
	String create(@RequestParam(required = false) String login, @RequestParam(required = false) String displayName,
			@RequestParam(required = false) String mobile, @RequestParam(required = false) List<String> roles,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String departmentCode,
			@RequestParam(required = false) String staffNo, @RequestParam(required = false) String password, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		NewAccount account = new NewAccount(login, displayName, mobile, roles == null ? List.of() : roles, regionCode,
				departmentCode, staffNo, password);
		try {
			AccountView created = accounts.create(account);
			redirect.addFlashAttribute("notice", "user.notice.created");
			redirect.addFlashAttribute("noticeArg", created.login());
			return "redirect:/app/admin/users";
		}
		catch (HcpException e) {
			refused(e, model, response);
			model.addAttribute("draft", new NewAccount(login, displayName, mobile, roles == null ? List.of() : roles,
					regionCode, departmentCode, staffNo, null));
			return list(null, null, null, null, 0, model, response);
		}
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) {
		AccountView account = accounts.disable(id);
		return answer(account, "user.notice.disabled", htmx, model, redirect);
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) {
		AccountView account = accounts.enable(id);
		return answer(account, "user.notice.enabled", htmx, model, redirect);
	}

	@PostMapping("/{id}/password")
	String password(@PathVariable long id, @RequestParam(required = false) String password, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			accounts.resetPassword(id, password);
			redirect.addFlashAttribute("notice", "user.notice.password");
			redirect.addFlashAttribute("noticeArg", accounts.get(id).login());
			return "redirect:/app/admin/users";
		}
		catch (HcpException e) {
			refused(e, model, response);
			return list(null, null, null, null, 0, model, response);
		}
	}

	@PostMapping("/import")
	String importCsv(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			HttpServletResponse response) {
		try {
			byte[] csv = file == null ? new byte[0] : file.getBytes();
			List<Accounts.Imported> imported = accounts.importCsv(csv);
			model.addAttribute("imported", imported);
			model.addAttribute("notice", "user.notice.imported");
			model.addAttribute("noticeArg", imported.size());
		}
		catch (HcpException e) {
			refused(e, model, response);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return list(null, null, null, null, 0, model, response);
	}

	private String answer(AccountView account, String notice, String htmx, Model model, RedirectAttributes redirect) {
		if ("true".equals(htmx)) {
			model.addAttribute("r", row(account));
			return ROW;
		}
		redirect.addFlashAttribute("notice", notice);
		redirect.addFlashAttribute("noticeArg", account.login());
		return "redirect:/app/admin/users";
	}

	private Row row(AccountView account) {
		boolean locked = account.lockedUntil() != null && account.lockedUntil().isAfter(clock.instant());
		return new Row(account, locked, locked ? ChinaTime.format(account.lockedUntil()) : null,
				ChinaTime.format(account.createdAt()));
	}

	private static void refused(HcpException e, Model model, HttpServletResponse response) {
		List<FieldProblem> problems = new ArrayList<>(e.fields());
		if (problems.isEmpty()) {
			problems.add(FieldProblem.of("", e.text().zh(), e.text().en()));
		}
		model.addAttribute("problems", problems);
		response.setStatus(e.status() == HttpStatus.NOT_FOUND ? 404 : e.status().value());
	}
}
