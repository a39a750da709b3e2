package org.hcp.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People's accounts (issue 6 §1): administrators create them (one by one or by CSV, all lines or none), list them
 * with the mobile masked, disable and enable them and reset their passwords. Other modules read accounts here, e.g.
 * who to tell about a work order ({@link #covering}).
 */
@Service
public class Accounts {

	private static final String PASSWORD_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final AccountStore store;
	private final AccountRules rules;
	private final PasswordPolicy passwords;
	private final PasswordEncoder encoder;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	Accounts(AccountStore store, AccountRules rules, PasswordPolicy passwords, PasswordEncoder encoder, Clock clock) {
		this.store = store;
		this.rules = rules;
		this.passwords = passwords;
		this.encoder = encoder;
		this.clock = clock;
	}

	/** Creates one account; every problem is answered at once (422), a login in use is a 409. */
	@Transactional
	public AccountView create(NewAccount account) {
		requireAdmin();
		AccountRules.Checked checked = rules.check(account, "");
		if (!checked.problems().isEmpty()) {
			throw HcpException.invalid("INVALID_ACCOUNT", checked.problems());
		}
		if (store.loginTaken(checked.row().login())) {
			throw HcpException.conflict("login", "LOGIN_TAKEN", "登录名已被使用：" + checked.row().login(),
					"The login name is taken: " + checked.row().login());
		}
		return store.byId(store.insert(hashed(checked.row()), clock.instant())).orElseThrow().view();
	}

	/**
	 * Imports accounts from CSV ({@link AccountCsv}): every line is checked first, and if any line breaks a rule
	 * nothing is stored and each problem names its line and field ({@code line 3: regionCode}). An empty password
	 * is generated; it is answered here once and stored only hashed.
	 */
	@Transactional
	public List<Imported> importCsv(byte[] csv) {
		requireAdmin();
		List<AccountCsv.Line> lines = AccountCsv.read(csv);
		List<FieldProblem> problems = new ArrayList<>();
		List<AccountStore.Row> rows = new ArrayList<>();
		List<String> generated = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (AccountCsv.Line line : lines) {
			String prefix = "line " + line.number() + ": ";
			NewAccount account = line.account();
			String password = account.password() == null ? generatePassword() : null;
			if (password != null) {
				account = new NewAccount(account.login(), account.displayName(), account.mobile(), account.roles(),
						account.regionCode(), account.departmentCode(), account.staffNo(), password);
			}
			AccountRules.Checked checked = rules.check(account, prefix);
			problems.addAll(checked.problems());
			if (account.login() != null) {
				String login = account.login().trim().toLowerCase(java.util.Locale.ROOT);
				Integer earlier = seen.putIfAbsent(login, line.number());
				if (earlier != null) {
					problems.add(FieldProblem.of(prefix + "login", "与第" + earlier + "行的登录名重复", "same login as line " + earlier));
				}
				else if (checked.row() != null && store.loginTaken(checked.row().login())) {
					problems.add(FieldProblem.of(prefix + "login", "登录名已被使用", "the login name is taken"));
				}
			}
			rows.add(checked.row());
			generated.add(password);
		}
		if (!problems.isEmpty()) {
			throw HcpException.invalid("INVALID_IMPORT", problems);
		}
		List<Imported> imported = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			long id = store.insert(hashed(rows.get(i)), clock.instant());
			imported.add(new Imported(lines.get(i).number(), store.byId(id).orElseThrow().view(), generated.get(i)));
		}
		return imported;
	}

	/** One imported line: the account, and its generated password when the line left it empty (shown once). */
	public record Imported(int line, AccountView account, String generatedPassword) {
	}

	/** A page of accounts, newest first; filters may be null. */
	public Page list(RegionCode region, Role role, Boolean enabled, String login, int page, int size) {
		requireAdmin();
		AccountStore.Filter filter = new AccountStore.Filter(region == null ? null : region.prefix(), role, enabled,
				login == null || login.isBlank() ? null : login.trim());
		List<AccountView> accounts = store.list(filter, page * size, size).stream().map(Account::view).toList();
		return new Page(accounts, store.count(filter), page, size);
	}

	public record Page(List<AccountView> accounts, long total, int page, int size) {
	}

	public AccountView get(long id) {
		requireAdmin();
		return find(id).orElseThrow(() -> unknown(id));
	}

	/** An account by its id, for other modules (who did something, whom to tell). */
	public Optional<AccountView> find(long id) {
		return store.byId(id).map(Account::view);
	}

	/** An account by its login name (any case). */
	public Optional<AccountView> findByLogin(String login) {
		return login == null || login.isBlank() ? Optional.empty() : store.byLogin(login.trim()).map(Account::view);
	}

	/**
	 * Enabled accounts holding the role whose data scope covers data of this region, department and staff member:
	 * e.g. the department handlers of a work order's department, or the offices of its region and above. The
	 * nearest region comes first.
	 */
	public List<AccountView> covering(Role role, RegionCode region, String departmentCode, String staffNo) {
		return store.enabledHolding(role).stream()
			.filter(a -> RegionScope.of(a.caller()).covers(region, departmentCode, staffNo))
			.sorted(Comparator.comparing((Account a) -> a.regionCode() == null ? "" : a.regionCode()).reversed())
			.map(Account::view)
			.toList();
	}

	/** Disables an account; its sessions end at their next request and it cannot sign in. */
	@Transactional
	public AccountView disable(long id) {
		requireAdmin();
		AccountView account = get(id);
		if (Caller.current().map(c -> c.userId() != null && c.userId() == id).orElse(false)) {
			throw HcpException.conflict("id", "CANNOT_DISABLE_SELF", "不能停用自己的账号", "You cannot disable your own account");
		}
		store.disable(id, clock.instant());
		return find(id).orElse(account);
	}

	@Transactional
	public AccountView enable(long id) {
		requireAdmin();
		AccountView account = get(id);
		store.enable(id);
		return find(id).orElse(account);
	}

	/** Sets a new password (it must meet the {@link PasswordPolicy}); ends the account's sessions, lifts a lock. */
	@Transactional
	public void resetPassword(long id, String password) {
		requireAdmin();
		AccountView account = get(id);
		List<FieldProblem> problems = passwords.check("password", account.login(), password);
		if (!problems.isEmpty()) {
			throw HcpException.invalid("WEAK_PASSWORD", problems);
		}
		store.resetPassword(id, encoder.encode(password));
	}

	private AccountStore.Row hashed(AccountStore.Row row) {
		return new AccountStore.Row(row.login(), row.displayName(), row.mobile(), row.roles(), row.regionCode(),
				row.departmentCode(), row.staffNo(), encoder.encode(row.passwordHash()));
	}

	private String generatePassword() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < Math.max(16, passwords.minLength()); i++) {
			password.append(PASSWORD_CHARS.charAt(random.nextInt(PASSWORD_CHARS.length())));
		}
		return password.toString();
	}

	private static HcpException unknown(long id) {
		return HcpException.notFound("id", "UNKNOWN_USER", "没有此账号：" + id, "No account " + id);
	}

	private static void requireAdmin() {
		Caller.requireAny(Role.ADMIN);
	}
}
