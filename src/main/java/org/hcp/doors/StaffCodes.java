package org.hcp.doors;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.hcp.catalog.Catalog;
import org.hcp.catalog.InstitutionView;
import org.hcp.catalog.StaffView;
import org.hcp.catalog.WindowView;
import org.hcp.evaluation.PrintedCodeRules;
import org.hcp.security.Caller;
import org.hcp.security.RegionScope;
import org.hcp.security.Role;
import org.hcp.shared.HcpException;
import org.hcp.shared.PublicAddress;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Printed staff codes 一码一账号 (ADR 0021): issuing and re-issuing a staff member's code (the old one stops opening a
 * rating page), resolving a scanned code, and what the office prints. Issuing and listing are held against the
 * caller's {@link RegionScope} by the window's or institution's region; resolving is public (a scan has no caller).
 */
@Service
public class StaffCodes {

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{16,32}");
	private static final SecureRandom RANDOM = new SecureRandom();

	private final StaffCodeStore store;
	private final Catalog catalog;
	private final Clock clock;
	private final PublicAddress address;

	StaffCodes(StaffCodeStore store, Catalog catalog, Clock clock, PublicAddress address) {
		this.store = store;
		this.catalog = catalog;
		this.clock = clock;
		this.address = address;
	}

	/** A code just issued, the URL printed in its QR code, and the code it replaced (if any). */
	public record Issued(StaffCode code, String url, String replacedCode) {
	}

	/** A staff member of an institution with their current code (null when none was issued yet). */
	public record StaffLine(String staffNo, String maskedName, String windowCode, String windowName, boolean active,
			StaffCode code) {
	}

	/** One card of the printed sheet. */
	public record Card(String institutionName, String windowCode, String windowName, String staffNo, String code,
			String url) {
	}

	/**
	 * Issues the staff member's code at their own window, revoking the code they had: 422 for an unknown window or
	 * staff member or one not serving at that window (rule OneCodeOneAccount), 403 for a window outside the scope.
	 */
	@Transactional
	public Issued issue(String staffNo, String windowCode) {
		Caller.requireAny(Role.ADMIN, Role.PLATFORM, Role.OFFICE);
		if (windowCode == null || windowCode.isBlank()) {
			throw HcpException.invalid("windowCode", "REQUIRED", "窗口编码不能为空", "windowCode is required");
		}
		if (staffNo == null || staffNo.isBlank()) {
			throw HcpException.invalid("staffNo", "REQUIRED", "二维码须绑定工作人员（一码一账号）",
					"A printed code is bound to one staff member");
		}
		WindowView window = catalog.window(windowCode).orElseThrow(() -> HcpException.invalid("windowCode",
				"UNKNOWN_WINDOW", "窗口不存在：" + windowCode, "No window " + windowCode));
		RegionScope.current().require("windowCode", window.region());
		StaffView staff = catalog.staff(staffNo).orElseThrow(() -> HcpException.invalid("staffNo", "UNKNOWN_STAFF",
				"工作人员不存在：" + staffNo, "No staff member " + staffNo));
		PrintedCodeRules.requireOwnWindow(staff, window.code());

		store.lock(staff.staffNo());
		Instant now = clock.instant();
		String replaced = store.revokeActive(staff.staffNo(), now).orElse(null);
		String by = Caller.current().map(Caller::name).orElse("system");
		StaffCodeStore.Row row = new StaffCodeStore.Row(newCode(), staff.staffNo(), window.code(),
				window.institutionCode(), now, by, null);
		store.insert(row);
		StaffCode code = view(row);
		return new Issued(code, url(code), replaced);
	}

	/**
	 * What a scanned code opens — for the public rating page, without a caller. Empty for a code never issued (or
	 * malformed); a replaced code resolves with {@code replaced} set so the page can say so.
	 */
	public Optional<StaffCode> resolve(String code) {
		if (code == null || !CODE.matcher(code).matches()) {
			return Optional.empty();
		}
		return store.find(code).map(this::view);
	}

	/** The staff member's current code: 404 when none was issued, 403 outside the scope. */
	public StaffCode activeOf(String staffNo) {
		StaffView staff = catalog.staff(staffNo).orElseThrow(() -> HcpException.notFound("staffNo", "UNKNOWN_STAFF",
				"工作人员不存在：" + staffNo, "No staff member " + staffNo));
		requireScope("staffNo", staff.institutionCode());
		return store.active(staff.staffNo()).map(this::view).orElseThrow(() -> HcpException.notFound("staffNo",
				"NO_STAFF_CODE", "工作人员 " + staffNo + " 尚未生成二维码", "No code was issued for staff member " + staffNo));
	}

	/** The URL a code's QR image holds: {@code {public base}/q/{code}}. */
	public String url(StaffCode code) {
		return address.url(code.path());
	}

	/** The institution (404 unknown, 403 outside the scope). */
	public InstitutionView institution(String institutionCode) {
		InstitutionView institution = catalog.institution(institutionCode).orElseThrow(() -> HcpException.notFound(
				"institutionCode", "UNKNOWN_INSTITUTION", "机构不存在：" + institutionCode, "No institution " + institutionCode));
		RegionScope.current().require("institutionCode", institution.region());
		return institution;
	}

	/** The staff of an institution with their codes, for the office's screen. */
	public List<StaffLine> staffOf(String institutionCode) {
		institution(institutionCode);
		Map<String, WindowView> windows = windows(institutionCode);
		Map<String, StaffCodeStore.Row> codes = store.activeOf(institutionCode).stream()
			.collect(Collectors.toMap(StaffCodeStore.Row::staffNo, Function.identity()));
		return catalog.staffOf(institutionCode).stream().map(s -> {
			WindowView w = s.windowCode() == null ? null : windows.get(s.windowCode());
			StaffCodeStore.Row row = codes.get(s.staffNo());
			return new StaffLine(s.staffNo(), s.maskedName(), s.windowCode(), w == null ? null : w.name(), s.active(),
					row == null ? null : view(row));
		}).toList();
	}

	/** One card per staff member with a current code that still opens a rating page, by window and staff number. */
	public List<Card> cardsOf(String institutionCode) {
		InstitutionView institution = institution(institutionCode);
		return store.activeOf(institutionCode).stream()
			.map(this::view)
			.filter(StaffCode::active)
			.sorted(Comparator.comparing(StaffCode::windowCode).thenComparing(StaffCode::staffNo))
			.map(c -> new Card(institution.name(), c.windowCode(), c.windowName(), c.staffNo(), c.code(), url(c)))
			.toList();
	}

	private void requireScope(String field, String institutionCode) {
		catalog.institution(institutionCode).ifPresent(i -> RegionScope.current().require(field, i.region()));
	}

	private Map<String, WindowView> windows(String institutionCode) {
		return catalog.windowsOf(institutionCode).stream().collect(Collectors.toMap(WindowView::code, Function.identity()));
	}

	private StaffCode view(StaffCodeStore.Row row) {
		Optional<WindowView> window = catalog.window(row.windowCode());
		Optional<InstitutionView> institution = catalog.institution(row.institutionCode());
		Optional<StaffView> staff = catalog.staff(row.staffNo());
		boolean stillThere = staff.map(s -> s.active() && Objects.equals(s.windowCode(), row.windowCode())).orElse(false);
		return new StaffCode(row.code(), row.staffNo(), row.windowCode(), window.map(WindowView::name).orElse(null),
				row.institutionCode(), institution.map(InstitutionView::name).orElse(null), row.issuedAt(),
				row.revokedAt() == null && stillThere, row.revokedAt() != null);
	}

	private static String newCode() {
		byte[] bytes = new byte[12];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
