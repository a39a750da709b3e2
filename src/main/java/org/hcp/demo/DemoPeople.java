package org.hcp.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hcp.catalog.Catalog;
import org.hcp.security.Accounts;
import org.hcp.security.NewAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo profile's people: one account per role in the demo district (杭州市西湖区), with passwords that the
 * README lists. Created through {@link Accounts}, so the account rules apply; never outside the demo profile.
 * The department handler belongs to the 民政局 and the window staff member is XH0001, whose case DEMO-0002 got the
 * demo's bad review.
 */
@Component
@Profile("demo")
class DemoPeople {

	private static final Logger log = LoggerFactory.getLogger(DemoPeople.class);
	private static final String DISTRICT = "330106000000";
	private static final String CIVIL_AFFAIRS = "11330106MB0000002K";

	static final List<NewAccount> ACCOUNTS = List.of(
			account("demo-admin", "演示管理员", "ADMIN", null, null, null),
			account("demo-hotline", "12345坐席 王芳", "HOTLINE", DISTRICT, null, null),
			account("demo-department", "民政局经办人 李强", "DEPARTMENT", DISTRICT, CIVIL_AFFAIRS, null),
			account("demo-office", "西湖区政务办 张敏", "OFFICE", DISTRICT, null, null),
			account("demo-staff", "陈小梅", "STAFF", DISTRICT, null, "XH0001"),
			account("demo-assessor", "第三方评估员 赵磊", "ASSESSOR", DISTRICT, null, null));

	private final Accounts accounts;
	private final Catalog catalog;

	DemoPeople(Accounts accounts, Catalog catalog) {
		this.accounts = accounts;
		this.catalog = catalog;
	}

	@EventListener(ApplicationReadyEvent.class)
	void create() {
		if (!catalog.departmentExists(CIVIL_AFFAIRS)) {
			// the demo catalog may not be loaded yet (DemoData runs on the same event): its import replaces by code
			for (String kind : List.of("regions", "departments", "institutions", "windows", "staff")) {
				catalog.importCsv(kind, read("demo/" + kind + ".csv"));
			}
		}
		int created = 0;
		for (NewAccount account : ACCOUNTS) {
			if (accounts.findByLogin(account.login()).isEmpty()) {
				accounts.create(account);
				created++;
			}
		}
		if (created > 0) {
			log.info("Demo people: {} accounts (demo-admin, demo-hotline, demo-department, demo-office, demo-staff, "
					+ "demo-assessor); each password is hcp-demo- and the role in lower case, e.g. hcp-demo-office", created);
		}
	}

	/** Password: {@code hcp-demo-<role in lower case>}, e.g. {@code hcp-demo-office}. */
	private static NewAccount account(String login, String name, String role, String region, String department,
			String staffNo) {
		return new NewAccount(login, name, null, List.of(role), region, department, staffNo,
				"hcp-demo-" + role.toLowerCase(java.util.Locale.ROOT));
	}

	private static String read(String path) {
		try {
			return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
