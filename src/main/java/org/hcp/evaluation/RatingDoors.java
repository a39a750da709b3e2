package org.hcp.evaluation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.hcp.catalog.Catalog;
import org.hcp.catalog.ChannelFamily;
import org.hcp.catalog.Indicator;
import org.hcp.cases.CaseView;
import org.hcp.cases.Cases;
import org.hcp.cases.ServiceEventView;
import org.hcp.evaluation.rules.OncePerService;
import org.hcp.privacy.Mobile;
import org.hcp.privacy.PersonalData;
import org.hcp.security.Caller;
import org.hcp.security.Role;
import org.hcp.shared.FileType;
import org.hcp.shared.HcpException;
import org.hcp.shared.Level;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The façade of the rating pages (module doors): every door a person rates through on a page of ours — the window's
 * printed code, the receipt's code, the evaluator and the kiosk, the portal and app, the 12345 operator and the
 * paper form — ends in {@link Evaluations} under the same rules as the API. What this adds is what the pages need:
 * what a token opens, the bad-review options to offer, idempotent re-sending, what a proven applicant may still rate,
 * and ratings entered by a signed-in person for the rater.
 */
@Service
public class RatingDoors {

	/** Call references and paper form numbers: 1–64 letters, digits, '-', '_', '.', '/'. */
	private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_./-]{1,64}");
	/** A paper form's scan: at most this many bytes (PNG, JPEG or PDF by content). */
	public static final int MAX_SCAN_BYTES = 1024 * 1024;
	/** How many of a rater's cases the portal lists, newest first. */
	private static final int MAX_CASES = 50;

	private final BindingTokens tokens;
	private final RatingByEvaluator byEvaluator;
	private final RatingByQrCode byQrCode;
	private final Evaluations evaluations;
	private final EvaluationStore store;
	private final Idempotency idempotency;
	private final Cases cases;
	private final Catalog catalog;
	private final PersonalData personal;
	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final Clock clock;

	RatingDoors(BindingTokens tokens, RatingByEvaluator byEvaluator, RatingByQrCode byQrCode, Evaluations evaluations,
			EvaluationStore store, Idempotency idempotency, Cases cases, Catalog catalog, PersonalData personal,
			JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.tokens = tokens;
		this.byEvaluator = byEvaluator;
		this.byQrCode = byQrCode;
		this.evaluations = evaluations;
		this.store = store;
		this.idempotency = idempotency;
		this.cases = cases;
		this.catalog = catalog;
		this.personal = personal;
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	// ============================================================================== what a token opens

	/**
	 * What a page shows for a token (401 when it is forged or expired): the kind ({@code DEVICE}, {@code KIOSK},
	 * {@code QR}, {@code CASE}), the channel its ratings take, the case and service when the token names them, the
	 * window and staff member, and whether the rater must prove to be the applicant (QR and CASE).
	 */
	public Opened open(String token) {
		BindingToken t = tokens.verify(token);
		Channel channel = switch (t.kind()) {
			case DEVICE -> Channel.HALL_EVALUATOR;
			case KIOSK -> Channel.KIOSK;
			case QR, CASE -> Channel.QR_CODE;
		};
		Optional<CaseView> c = t.caseNo() == null ? Optional.empty() : cases.find(t.caseNo());
		Integer serviceNo = t.serviceNo() != null ? t.serviceNo()
				: c.flatMap(CaseView::lastEvent).map(ServiceEventView::serviceNo).orElse(null);
		Optional<ServiceEventView> event = c.flatMap(x -> serviceNo == null ? Optional.empty() : x.event(serviceNo));
		return new Opened(t.kind().name(), channel, t.caseNo(), serviceNo, c.map(RatingDoors::itemName).orElse(null),
				c.map(CaseView::departmentCode).orElse(null), c.map(x -> x.region().value()).orElse(null),
				t.windowCode() != null ? t.windowCode() : event.map(ServiceEventView::windowCode).orElse(null),
				t.staffNo() != null ? t.staffNo() : event.map(ServiceEventView::staffNo).orElse(null),
				!t.kind().bindsService(), t.expiresAt(), channel.family(false));
	}

	/**
	 * What a token opens.
	 *
	 * @param caseNo null for a window's code (the rater gives it from the receipt)
	 * @param proofNeeded the rater must give the applicant's ID number, or the mobile and the SMS code sent to it
	 */
	public record Opened(String kind, Channel channel, String caseNo, Integer serviceNo, String itemName,
			String departmentCode, String regionCode, String windowCode, String staffNo, boolean proofNeeded,
			Instant expiresAt, ChannelFamily family) {
	}

	/**
	 * The bad-review indicator options 差评选项 of the catalog version in force, for each bad level (2 stars, 1 star)
	 * of a channel family, by code.
	 */
	public Map<Integer, List<Indicator>> badReviewOptions(ChannelFamily family) {
		Map<Integer, List<Indicator>> options = new TreeMap<>(Comparator.reverseOrder());
		for (Level level : Level.values()) {
			if (level.isBad()) {
				options.put(level.stars(), new ArrayList<>());
			}
		}
		catalog.currentIndicators().byCode().values().stream()
			.filter(i -> i.family() == family && i.level().isBad())
			.sorted(Comparator.comparing(Indicator::code))
			.forEach(i -> options.get(i.level().stars()).add(i));
		return options;
	}

	/** The channel family of a case's phone, SMS or default ratings: how the case was applied for. */
	public static ChannelFamily familyOf(CaseView c, Channel channel) {
		return channel.family(c.applyChannel().isOnline());
	}

	// ============================================================================== rating with a token

	/**
	 * Rates with a binding token (evaluator, kiosk, window code, receipt code), exactly as
	 * {@code POST /api/v1/evaluations/bound}. With an idempotency key, a request re-sent after its answer was lost
	 * gets the first answer again — from the same token only — and never stores a second rating.
	 */
	public List<EvaluationView> rateWithToken(String token, BoundRating rating, String idempotencyKey) {
		BindingToken t = tokens.verify(token);
		String key = Idempotency.checked(idempotencyKey);
		return idempotent(Idempotency.scope("token:" + token), key,
				() -> t.kind().bindsService() ? byEvaluator.rate(t, rating) : byQrCode.rate(t, rating));
	}

	/** A window code's token for a printed staff code 一码一账号 whose code the caller has resolved and found active. */
	public String windowCodeToken(String windowCode, String staffNo) {
		return tokens.sign(tokens.qr(windowCode, staffNo));
	}

	/** A kiosk token for the latest service of a case, as a kiosk system asks for one after a transaction. */
	public String kioskToken(String caseNo) {
		CaseView c = cases.requireReferenced("caseNo", caseNo);
		ServiceEventView e = latest(c);
		return tokens.sign(tokens.kiosk(c.caseNo(), e.serviceNo(), e.windowCode(), e.staffNo(), null));
	}

	/** An evaluator token for the latest service of a case on a device, as a hall system asks for one. */
	public String evaluatorToken(String caseNo, String deviceId) {
		CaseView c = cases.requireReferenced("caseNo", caseNo);
		ServiceEventView e = latest(c);
		return tokens.sign(tokens.device(c.caseNo(), e.serviceNo(), e.windowCode(), e.staffNo(), deviceId));
	}

	private static ServiceEventView latest(CaseView c) {
		return c.lastEvent().orElseThrow(() -> HcpException.invalid("caseNo", "UNKNOWN_SERVICE", "该办件没有服务记录",
				"The case has no service event"));
	}

	/** The receipt token of a case whose short link the caller has resolved (the case is checked when rated). */
	public String receiptToken(String caseNo) {
		return tokens.sign(tokens.caseReceipt(caseNo));
	}

	// ============================================================================== the proven applicant (portal, app)

	/**
	 * The applicant's cases, newest first, each service with whether it can still be rated — once after completion
	 * for 即办件 and online cases, per visit for a 承诺件 at the window (domain §6.1). The caller has proven the mobile
	 * (an SMS code); nothing here is scoped by region.
	 */
	public List<RateableCase> rateable(Mobile proven) {
		byte[] hash = personal.lookupHash(PersonalData.LookupKind.MOBILE, proven.value());
		List<CaseView> mine = cases.ofApplicantMobile(hash, MAX_CASES);
		Map<EvaluationStore.Key, Integer> rated = store.ratedSlots(mine.stream().map(CaseView::id).toList());
		List<RateableCase> result = new ArrayList<>();
		for (CaseView c : mine) {
			List<RateableService> services = new ArrayList<>();
			if (OncePerService.ratedOnceAfterCompletion(c)) {
				Integer stars = rated.get(new EvaluationStore.Key(c.id(), OncePerService.WHOLE_CASE));
				c.lastEvent().ifPresent(e -> services.add(new RateableService(e.serviceNo(), e.name(), e.occurredAt(),
						e.windowCode(), stars == null && c.isCompleted(), stars)));
			}
			else {
				for (ServiceEventView e : c.events()) {
					Integer stars = rated.get(new EvaluationStore.Key(c.id(), e.serviceNo()));
					services.add(new RateableService(e.serviceNo(), e.name(), e.occurredAt(), e.windowCode(),
							stars == null, stars));
				}
			}
			result.add(new RateableCase(c.caseNo(), itemName(c), c.departmentCode(), c.isCompleted(),
					c.batchNo() != null, c.chainNo() != null, familyOf(c, Channel.WEB_PORTAL), services));
		}
		return result;
	}

	/** One of the applicant's cases; {@code batch}: rated once for every case of the batch; {@code chain}: may be rated whole. */
	public record RateableCase(String caseNo, String itemName, String departmentCode, boolean completed, boolean batch,
			boolean chain, ChannelFamily family, List<RateableService> services) {
	}

	/** A service of the case; {@code ratedStars} when it was rated already. */
	public record RateableService(int serviceNo, String name, Instant occurredAt, String windowCode, boolean rateable,
			Integer ratedStars) {
	}

	/**
	 * 一事一评: the applicant, who has proven the mobile by an SMS code, rates one of their cases in the portal
	 * ({@link Channel#WEB_PORTAL}) or the app ({@link Channel#MOBILE_APP}). A case that is not theirs is answered like
	 * an unknown one. Idempotent by key per mobile.
	 */
	public List<EvaluationView> rateAsApplicant(Mobile proven, Channel channel, String caseNo, Integer serviceNo,
			boolean wholeChain, BoundRating rating, String idempotencyKey) {
		if (channel != Channel.WEB_PORTAL && channel != Channel.MOBILE_APP) {
			throw HcpException.invalid("channel", "NOT_A_PORTAL_CHANNEL", "一事一评的渠道为政务服务网或移动端",
					"Rating as the applicant is through the portal or the app");
		}
		byte[] hash = personal.lookupHash(PersonalData.LookupKind.MOBILE, proven.value());
		String key = Idempotency.checked(idempotencyKey);
		return idempotent(Idempotency.scope("mobile:" + HexFormat.of().formatHex(hash)), key, () -> {
			CaseView c = (caseNo == null ? Optional.<CaseView>empty() : cases.find(caseNo))
				.filter(x -> x.applicantMobileHash() != null && java.security.MessageDigest.isEqual(x.applicantMobileHash(), hash))
				.orElseThrow(() -> HcpException.notFound("caseNo", "UNKNOWN_CASE", "没有找到您的这个办件",
						"You have no such case"));
			return evaluations.rate(new RatingCommand(c.caseNo(), serviceNo, channel, rating.level(), rating.indicators(),
					rating.comment(), null, new Rater(null, null, null, proven), wholeChain, Source.PAGE), Attribution.NONE);
		});
	}

	// ============================================================================== entered for the rater

	/**
	 * A rating a signed-in person enters for the rater: the 12345 operator records what the caller said
	 * ({@link Channel#HOTLINE_12345}, with the call reference), a staff member types in a paper form
	 * ({@link Channel#PAPER_FORM}, with the form number, entered once, and an optional scan). The person is stored as
	 * its submitter. Inside the person's region scope; all or nothing.
	 */
	public List<EvaluationView> enter(Entry entry) {
		Caller caller = Caller.current().filter(Caller::isPerson)
			.orElseThrow(() -> new HcpException(HttpStatus.FORBIDDEN, "PERSON_REQUIRED",
					org.hcp.shared.Bilingual.of("须由登录的工作人员录入", "A signed-in person must enter it"), List.of()));
		String field;
		if (entry.channel() == Channel.HOTLINE_12345) {
			Caller.requireAny(Role.HOTLINE, Role.ADMIN);
			field = "callReference";
		}
		else if (entry.channel() == Channel.PAPER_FORM) {
			Caller.requireAny(Role.STAFF, Role.DEPARTMENT, Role.OFFICE, Role.ADMIN);
			field = "formNo";
		}
		else {
			throw HcpException.invalid("channel", "NOT_AN_ENTRY_CHANNEL", "代录评价的渠道为 12345 热线或纸质评价表",
					"Ratings entered for a rater come from the 12345 hotline or a paper form");
		}
		String reference = entry.reference() == null ? null : entry.reference().trim();
		if (reference == null || reference.isEmpty()) {
			throw HcpException.invalid(field, "REQUIRED", field.equals("formNo") ? "评价表编号不能为空" : "来电编号不能为空",
					field + " is required");
		}
		if (!REFERENCE.matcher(reference).matches()) {
			throw HcpException.invalid(field, "BAD_REFERENCE", "编号须为 1–64 位字母、数字或“-_./”",
					field + " must be 1–64 letters, digits or -_./");
		}
		FileType scanType = scanType(entry);
		return tx.execute(s -> {
			if (entry.channel() == Channel.PAPER_FORM && formEntered(reference)) {
				throw duplicateForm(reference);
			}
			List<EvaluationView> stored = evaluations.rate(new RatingCommand(entry.caseNo(), entry.serviceNo(),
					entry.channel(), entry.level(), entry.indicators(), entry.comment(), null,
					entry.rater() == null ? Rater.ANONYMOUS : entry.rater(), false, Source.ENTRY),
					new Attribution(null, caller.userId(), reference));
			if (entry.channel() == Channel.PAPER_FORM && !recordForm(reference, entry, stored.get(0).id(),
					caller.userId(), scanType)) {
				throw duplicateForm(reference); // entered concurrently: this transaction and its rating roll back
			}
			return stored;
		});
	}

	/**
	 * A rating entered for the rater.
	 *
	 * @param reference the call reference (12345) or the form number (paper)
	 * @param scan the paper form's scan (PNG, JPEG or PDF, at most {@link #MAX_SCAN_BYTES}); null when none
	 */
	public record Entry(Channel channel, String caseNo, Integer serviceNo, Integer level, List<String> indicators,
			String comment, String reference, Rater rater, byte[] scan) {
	}

	/** Whether a paper form number was entered already. */
	public boolean formEntered(String formNo) {
		return jdbc.sql("select exists(select 1 from evl_paper_form where form_no = :no)").param("no", formNo)
			.query(Boolean.class).single();
	}

	private boolean recordForm(String formNo, Entry entry, long evaluationId, long userId, FileType scanType) {
		return jdbc.sql("""
				insert into evl_paper_form (form_no, case_no, evaluation_id, entered_by, entered_at, scan, scan_type)
				values (:no, :caseNo, :id, :by, :at, :scan, :type) on conflict do nothing""")
			.param("no", formNo)
			.param("caseNo", entry.caseNo())
			.param("id", evaluationId)
			.param("by", userId)
			.param("at", Timestamp.from(clock.instant()))
			.param("scan", scanType == null ? null : entry.scan())
			.param("type", scanType == null ? null : scanType.contentType())
			.update() == 1;
	}

	private static FileType scanType(Entry entry) {
		if (entry.scan() == null || entry.scan().length == 0) {
			return null;
		}
		if (entry.channel() != Channel.PAPER_FORM) {
			throw HcpException.invalid("scan", "SCAN_NOT_ALLOWED", "只有纸质评价表可附扫描件", "Only a paper form has a scan");
		}
		if (entry.scan().length > MAX_SCAN_BYTES) {
			throw HcpException.invalid("scan", "SCAN_TOO_LARGE", "扫描件不超过 1 MB", "The scan is at most 1 MB");
		}
		return FileType.of(entry.scan()).orElseThrow(() -> HcpException.invalid("scan", "SCAN_TYPE",
				"扫描件须为 PNG、JPEG 或 PDF 文件", "The scan must be a PNG, JPEG or PDF file"));
	}

	private static HcpException duplicateForm(String formNo) {
		return HcpException.conflict("formNo", "DUPLICATE_FORM_NO", "评价表编号 " + formNo + " 已录入，不能重复录入",
				"Form " + formNo + " has been entered already");
	}

	// ============================================================================== idempotency

	private List<EvaluationView> idempotent(byte[] scope, String key, Supplier<List<EvaluationView>> rate) {
		if (key == null) {
			return tx.execute(s -> rate.get());
		}
		Optional<List<Long>> first = idempotency.find(scope, key);
		if (first.isPresent()) {
			return evaluations.byIds(first.get());
		}
		try {
			return tx.execute(s -> {
				List<EvaluationView> stored = rate.get();
				if (!idempotency.remember(scope, key, stored.stream().map(EvaluationView::id).toList(), clock.instant())) {
					throw HcpException.conflict("Idempotency-Key", "IDEMPOTENCY_RACE", "同一请求正在处理", "The same request is in progress");
				}
				return stored;
			});
		}
		catch (HcpException e) {
			// a twin with the same key may have committed meanwhile: its answer is ours (our rating rolled back)
			Optional<List<Long>> twin = idempotency.find(scope, key);
			if (twin.isPresent()) {
				return evaluations.byIds(twin.get());
			}
			throw e;
		}
	}

	private static String itemName(CaseView c) {
		return c.itemName() != null ? c.itemName() : c.title() != null ? c.title() : c.itemCode();
	}
}
