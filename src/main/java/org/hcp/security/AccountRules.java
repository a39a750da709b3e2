package org.hcp.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.hcp.catalog.Catalog;
import org.hcp.privacy.Mobile;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.stereotype.Component;

/**
 * What an account must hold (issue 6 §1): a login name (letters, digits, {@code . _ @ -}, 2–64), a display name,
 * an optional mobile, one or more people roles (or ADMIN); a region for everyone but administrators; a department
 * of the catalog for DEPARTMENT, a staff member of the catalog for STAFF; a password that meets the
 * {@link PasswordPolicy}. Every problem is collected, so that one answer names them all.
 */
@Component
class AccountRules {

	static final Set<Role> PEOPLE_ROLES = EnumSet.of(Role.HOTLINE, Role.DEPARTMENT, Role.OFFICE, Role.STAFF,
			Role.ASSESSOR, Role.ADMIN);

	private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");
	private static final Pattern CONTROL = Pattern.compile("\\p{Cc}|\\p{Cf}|\\p{Cs}|\\p{Co}|\\p{Cn}");
	private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");
	private static final Pattern STAFF_NO = Pattern.compile("[\\p{L}\\p{N}._-]{1,64}");

	private final Catalog catalog;
	private final PasswordPolicy passwords;

	AccountRules(Catalog catalog, PasswordPolicy passwords) {
		this.catalog = catalog;
		this.passwords = passwords;
	}

	/** The checked row (password not yet hashed), or every problem, each field named with the prefix. */
	Checked check(NewAccount account, String prefix) {
		List<FieldProblem> problems = new ArrayList<>();
		if (account == null) {
			problems.add(FieldProblem.of(prefix + "body", "请求体不能为空", "a body is required"));
			return new Checked(null, problems);
		}
		String login = trim(account.login());
		if (login == null || !LOGIN.matcher(login).matches()) {
			problems.add(FieldProblem.of(prefix + "login", "登录名为2到64位字母、数字或 . _ @ -，以字母或数字开头",
					"2 to 64 letters, digits or . _ @ -, starting with a letter or digit"));
			login = null;
		}
		String displayName = trim(account.displayName());
		if (displayName == null || displayName.length() > 100 || CONTROL.matcher(displayName).find()) {
			problems.add(FieldProblem.of(prefix + "displayName", "姓名不能为空，最多100字，不能含控制字符",
					"required, at most 100 characters, no control characters"));
		}
		String mobile = mobile(account.mobile(), prefix, problems);
		Set<Role> roles = roles(account.roles(), prefix, problems);
		String region = region(account.regionCode(), roles, prefix, problems);
		String department = department(account.departmentCode(), roles, prefix, problems);
		String staff = staff(account.staffNo(), roles, prefix, problems);
		passwords.check(prefix + "password", login, account.password()).forEach(problems::add);
		if (!problems.isEmpty()) {
			return new Checked(null, problems);
		}
		return new Checked(new AccountStore.Row(login, displayName, mobile, roles, region, department, staff,
				account.password()), problems);
	}

	/** A checked account (its {@code passwordHash} still the plain password) or the problems that refuse it. */
	record Checked(AccountStore.Row row, List<FieldProblem> problems) {
	}

	private static String mobile(String text, String prefix, List<FieldProblem> problems) {
		try {
			Mobile mobile = Mobile.parseOptional(prefix + "mobile", text);
			return mobile == null ? null : mobile.value();
		}
		catch (HcpException e) {
			problems.addAll(e.fields());
			return null;
		}
	}

	private static Set<Role> roles(List<String> names, String prefix, List<FieldProblem> problems) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (names == null || names.isEmpty()) {
			problems.add(FieldProblem.of(prefix + "roles", "至少一个角色：HOTLINE、DEPARTMENT、OFFICE、STAFF、ASSESSOR、ADMIN",
					"at least one role: HOTLINE, DEPARTMENT, OFFICE, STAFF, ASSESSOR, ADMIN"));
			return roles;
		}
		for (String name : names) {
			Role role = roleOf(name);
			if (role == null || !PEOPLE_ROLES.contains(role)) {
				problems.add(FieldProblem.of(prefix + "roles", "未知或不属于人员的角色：" + shorten(name),
						"not a role of people: " + shorten(name)));
			}
			else {
				roles.add(role);
			}
		}
		return roles;
	}

	private String region(String text, Set<Role> roles, String prefix, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			if (!roles.isEmpty() && !roles.contains(Role.ADMIN)) {
				problems.add(FieldProblem.of(prefix + "regionCode", "除管理员外都需要行政区划", "required unless an administrator"));
			}
			return null;
		}
		try {
			RegionCode region = RegionCode.parse(prefix + "regionCode", text);
			if (!catalog.regionExists(region)) {
				problems.add(FieldProblem.of(prefix + "regionCode", "目录中没有此行政区划：" + region, "no such region in the catalog: " + region));
			}
			return region.value();
		}
		catch (HcpException e) {
			problems.addAll(e.fields());
			return null;
		}
	}

	private String department(String text, Set<Role> roles, String prefix, List<FieldProblem> problems) {
		String code = trim(text);
		if (code == null) {
			if (roles.contains(Role.DEPARTMENT)) {
				problems.add(FieldProblem.of(prefix + "departmentCode", "责任单位经办人需要所属部门的统一社会信用代码",
						"a DEPARTMENT account needs its department's credit code"));
			}
			return null;
		}
		if (!CREDIT_CODE.matcher(code).matches()) {
			problems.add(FieldProblem.of(prefix + "departmentCode", "统一社会信用代码应为18位", "an 18-character credit code"));
			return null;
		}
		if (!catalog.departmentExists(code)) {
			problems.add(FieldProblem.of(prefix + "departmentCode", "目录中没有此部门：" + code, "no such department in the catalog: " + code));
		}
		return code;
	}

	private String staff(String text, Set<Role> roles, String prefix, List<FieldProblem> problems) {
		String staffNo = trim(text);
		if (staffNo == null) {
			if (roles.contains(Role.STAFF)) {
				problems.add(FieldProblem.of(prefix + "staffNo", "窗口工作人员需要工号", "a STAFF account needs a staff number"));
			}
			return null;
		}
		if (!STAFF_NO.matcher(staffNo).matches()) {
			problems.add(FieldProblem.of(prefix + "staffNo", "工号最多64位字母、数字或 . _ -", "at most 64 letters, digits or . _ -"));
			return null;
		}
		if (catalog.staff(staffNo).isEmpty()) {
			problems.add(FieldProblem.of(prefix + "staffNo", "目录中没有此工作人员：" + staffNo, "no such staff member in the catalog: " + staffNo));
		}
		return staffNo;
	}

	private static Role roleOf(String name) {
		if (name == null) {
			return null;
		}
		for (Role role : Role.values()) {
			if (role.name().equalsIgnoreCase(name.trim())) {
				return role;
			}
		}
		return null;
	}

	private static String shorten(String text) {
		return text == null ? "null" : text.length() > 20 ? text.substring(0, 20) + "…" : text;
	}

	private static String trim(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
