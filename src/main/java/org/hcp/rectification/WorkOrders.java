package org.hcp.rectification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.hcp.calendar.WorkingCalendar;
import org.hcp.privacy.Mobile;
import org.hcp.privacy.PersonalData;
import org.hcp.security.Caller;
import org.hcp.security.RegionScope;
import org.hcp.security.Role;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The façade of work orders 差评工单 (domain §7): one method per step, each refusing the wrong role (403), an order
 * outside the caller's {@link RegionScope} (403; 404 when unknown), a step the state does not allow (409) and a stale
 * version (409), then recording the step in the audit and publishing {@link WorkOrderAdvanced}. The cross-module
 * methods (find, forEvaluation, the appeal's pause/resume/close, openForFinding) come first.
 */
@Service
public class WorkOrders {

	private static final Role[] HOTLINE = { Role.HOTLINE };
	private static final Role[] DEPARTMENT = { Role.DEPARTMENT };
	private static final Role[] OFFICE = { Role.OFFICE };
	private static final Role[] REVISITORS = { Role.HOTLINE, Role.ASSESSOR };
	private static final Role[] REVEALERS = { Role.HOTLINE, Role.ASSESSOR, Role.OFFICE };

	private final WorkOrderRepository orders;
	private final OrderRecords records;
	private final AuditTrail audit;
	private final RuleProfiles profiles;
	private final OpeningWorkOrders opening;
	private final WorkOrderViews views;
	private final StatusLinks links;
	private final WorkingCalendar calendar;
	private final PersonalData personal;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final UnreachableAfterAttempts unreachable;
	private final EvidenceRules evidenceRules;
	private final RatingProgressLinks progressLinks;

	WorkOrders(WorkOrderRepository orders, OrderRecords records, AuditTrail audit, RuleProfiles profiles,
			OpeningWorkOrders opening, WorkOrderViews views, StatusLinks links, WorkingCalendar calendar,
			PersonalData personal, ApplicationEventPublisher events, Clock clock, RectificationProperties properties,
			RatingProgressLinks progressLinks) {
		this.progressLinks = progressLinks;
		this.orders = orders;
		this.records = records;
		this.audit = audit;
		this.profiles = profiles;
		this.opening = opening;
		this.views = views;
		this.links = links;
		this.calendar = calendar;
		this.personal = personal;
		this.events = events;
		this.clock = clock;
		this.unreachable = new UnreachableAfterAttempts(properties.callAttemptsBeforeUnreachable());
		this.evidenceRules = new EvidenceRules(properties.evidenceMaxSize());
	}

	// ============================================================================== called by other modules

	/** The order, scope-checked: 404 when unknown, 403 outside the caller's scope. */
	@Transactional(readOnly = true)
	public WorkOrderView find(long orderId) {
		return views.view(read(orderId));
	}

	/** The order opened for this rating, if any (scope-checked like {@link #find}). */
	@Transactional(readOnly = true)
	public Optional<WorkOrderView> forEvaluation(long evaluationId) {
		return orders.orderOfEvaluation(evaluationId).map(this::find);
	}

	/** An appeal was filed: the deadlines stop running (domain §8). Again for the same appeal: nothing changes. */
	@Transactional
	public void pauseForAppeal(long orderId, long appealId, Instant at) {
		WorkOrder o = lock(orderId);
		if (o.pauseForAppeal(appealId, at)) {
			persist(o, at);
		}
	}

	/** The appeal was rejected: the order resumes, its deadline moved by the working days it was paused. */
	@Transactional
	public void resumeAfterAppeal(long orderId, long appealId, Instant at) {
		WorkOrder o = lock(orderId);
		if (o.resumeAfterAppeal(appealId, at, profiles.byCode(o.profileCode), calendar)) {
			persist(o, at);
		}
	}

	/** The appeal was upheld: the order closes as CLOSED_BY_APPEAL. Again: nothing changes. */
	@Transactional
	public void closeByAppeal(long orderId, long appealId, Instant at) {
		WorkOrder o = lock(orderId);
		if (o.closeByAppeal(appealId, at)) {
			persist(o, at);
		}
	}

	/** A finding or comment marked as a problem opens an order on the same path; returns its id (the same again). */
	@Transactional
	public long openForFinding(FindingReference finding) {
		if (finding == null || finding.source() == null || finding.source() == WorkOrderSource.BAD_REVIEW
				|| finding.regionCode() == null || finding.departmentCode() == null || finding.departmentCode().isBlank()) {
			throw HcpException.invalid("finding", "INVALID_FINDING", "问题线索应有来源（监督查评或综合点评）、行政区划和责任单位",
					"A finding needs its source (FINDING or COMMENT), region and responsible department");
		}
		RegionScope.current().require("regionCode", finding.regionCode(), finding.departmentCode(), finding.staffNo());
		return opening.open(finding);
	}

	/**
	 * The rater's mobile, decrypted, for sending the reply SMS (notification); never for display — a person who
	 * needs it for a call uses {@link #revealRaterMobile}, which is audited.
	 */
	public Optional<Mobile> raterMobileForSms(long orderId) {
		return orders.raterMobile(orderId).map(enc -> new Mobile(personal.decrypt(enc)));
	}

	// ============================================================================== reading

	/** The order with its facts, extensions, evidence and timeline. */
	@Transactional(readOnly = true)
	public WorkOrderDetail detail(long orderId) {
		return views.detail(read(orderId));
	}

	/** The audit of an order, in the order it happened. */
	@Transactional(readOnly = true)
	public List<TimelineEntry> timeline(long orderId) {
		return audit.of(read(orderId).id);
	}

	/** The ledger 台账 within the caller's scope, filtered and paged. */
	@Transactional(readOnly = true)
	public LedgerPage ledger(LedgerQuery query) {
		return views.ledger(query);
	}

	/** The ledger as an Excel workbook (.xlsx), personal data masked. */
	@Transactional(readOnly = true)
	public byte[] exportLedger(LedgerQuery query) {
		return views.export(query);
	}

	/** One evidence file of an order. */
	@Transactional(readOnly = true)
	public EvidenceFile evidence(long orderId, long evidenceId) {
		WorkOrder o = read(orderId);
		return records.evidenceFile(o.id, evidenceId).orElseThrow(() -> HcpException.notFound("evidenceId",
				"UNKNOWN_EVIDENCE", "没有该佐证材料", "No such evidence file"));
	}

	// ============================================================================== first check (12345)

	/** 初核有效: valid, dispatched at once to the responsible department. */
	@Transactional
	public WorkOrderDetail dispatch(long orderId, int version) {
		return step(orderId, version, HOTLINE, (o, at) -> o.dispatch(at, rules(o), calendar));
	}

	/** 初核无效: invalid, with the reason (e.g. the rater says it was a mistake). */
	@Transactional
	public WorkOrderDetail invalidate(long orderId, int version, String reason) {
		return step(orderId, version, HOTLINE, (o, at) -> o.invalidate(reason));
	}

	// ============================================================================== department

	/** 核实: who was contacted, how, and what was found. */
	@Transactional
	public WorkOrderDetail verify(long orderId, int version, String contacted, String contactMethod, String findings) {
		return step(orderId, version, DEPARTMENT, (o, at) -> o.verify(at, contacted, contactMethod, findings, rules(o), calendar));
	}

	/** 立行立改: rectified at once, with evidence text and uploaded files. */
	@Transactional
	public WorkOrderDetail rectifyAtOnce(long orderId, int version, String evidence, List<Long> files) {
		return step(orderId, version, DEPARTMENT, (o, at) -> {
			o.rectifyAtOnce(at, evidence, files(files), rules(o), calendar);
			useFiles(o, files, "rectify-at-once");
		});
	}

	/** 台账: a ledger entry with a planned date and the plan. */
	@Transactional
	public WorkOrderDetail enterInLedger(long orderId, int version, LocalDate plannedBy, String plan) {
		return step(orderId, version, DEPARTMENT, (o, at) -> o.enterInLedger(at, plannedBy, plan));
	}

	/** A ledger entry rectified, with evidence text and uploaded files. */
	@Transactional
	public WorkOrderDetail rectify(long orderId, int version, String evidence, List<Long> files) {
		return step(orderId, version, DEPARTMENT, (o, at) -> {
			o.rectify(at, evidence, files(files), rules(o), calendar);
			useFiles(o, files, "rectify");
		});
	}

	/** 延期申请: a written reason and a new date, before the current deadline; the office decides. */
	@Transactional
	public WorkOrderDetail requestExtension(long orderId, int version, LocalDate newDeadline, String reason) {
		return step(orderId, version, DEPARTMENT, (o, at) -> {
			o.requestExtension(at, newDeadline, reason, records.pendingExtension(o.id).isPresent());
			records.requestExtension(o.id, at, actor(), reason.strip(), o.deadline,
					ExtensionBeforeDeadline.check(at, o.deadline, newDeadline));
		});
	}

	/** 无法整改: reported with a reason; the office decides. */
	@Transactional
	public WorkOrderDetail reportUnrectifiable(long orderId, int version, String reason) {
		return step(orderId, version, DEPARTMENT, (o, at) -> o.reportUnrectifiable(reason));
	}

	/** 反馈: the reply to the rater, who gets it by SMS with the link to the status page. */
	@Transactional
	public WorkOrderDetail reply(long orderId, int version, String text) {
		return step(orderId, version, DEPARTMENT, (o, at) -> {
			o.reply(at, text);
			StatusLinks.Issued link = links.issue();
			long replyId = records.addReply(o.id, link.hash(), text.strip(), at, actor());
			if (o.source == WorkOrderSource.BAD_REVIEW) {
				List<Long> caseIds = orders.ratings(o.id).stream().map(WorkOrderRepository.Rating::caseId).distinct().toList();
				events.publishEvent(new RaterReplied(o.id, o.orderNo, caseIds, "rct-reply-" + replyId, text.strip(),
						link.url(), at));
			}
		});
	}

	/** Uploads an evidence file (PNG, JPEG or PDF, checked by content; size limited) for a later step. */
	@Transactional
	public EvidenceView attachEvidence(long orderId, String fileName, byte[] content) {
		Caller.requireAny(DEPARTMENT);
		WorkOrder o = load(orderId);
		if (!List.of(WorkOrderState.DISPATCHED, WorkOrderState.VERIFIED, WorkOrderState.RECTIFYING,
				WorkOrderState.UNRECTIFIABLE_REPORTED).contains(o.state)) {
			throw WorkOrderConflict.wrongState("attach-evidence", o.state);
		}
		String type = evidenceRules.check(content);
		String name = EvidenceRules.safeName(fileName);
		Instant at = clock.instant();
		long id = records.addEvidence(o.id, name, type, content, at, actor());
		audit.append(o.id, at, new WorkOrder.Step("attach-evidence", o.state, o.state, null,
				"evidenceId=" + id + "; file=" + name + "; type=" + type + "; bytes=" + content.length));
		return records.evidence(o.id).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
	}

	// ============================================================================== office

	/** The office approves the pending extension: the deadline moves, the reason is kept. */
	@Transactional
	public WorkOrderDetail approveExtension(long orderId, int version, String reason) {
		return step(orderId, version, OFFICE, (o, at) -> {
			ExtensionView pending = pendingExtension(o);
			o.approveExtension(pending.newDeadline(), reason);
			records.decideExtension(pending.id(), true, at, actor(), reason);
		});
	}

	/** The office refuses the pending extension, with the reason; the deadline stays. */
	@Transactional
	public WorkOrderDetail refuseExtension(long orderId, int version, String reason) {
		return step(orderId, version, OFFICE, (o, at) -> {
			ExtensionView pending = pendingExtension(o);
			o.refuseExtension(reason);
			records.decideExtension(pending.id(), false, at, actor(), reason.strip());
		});
	}

	/** The office accepts that it cannot be rectified: on to the reply and the revisit. */
	@Transactional
	public WorkOrderDetail approveUnrectifiable(long orderId, int version, String reason) {
		return step(orderId, version, OFFICE, (o, at) -> o.approveUnrectifiable(at, reason, rules(o), calendar));
	}

	/** The office sends "cannot be rectified" back, with the reason. */
	@Transactional
	public WorkOrderDetail returnUnrectifiable(long orderId, int version, String reason) {
		return step(orderId, version, OFFICE, (o, at) -> o.returnUnrectifiable(reason));
	}

	/** 销号: only after a revisit outcome. */
	@Transactional
	public WorkOrderDetail close(long orderId, int version, String note) {
		return step(orderId, version, OFFICE, (o, at) -> o.close(at, note));
	}

	// ============================================================================== revisit (12345, assessor)

	/** A revisit call that reached no one (three of them allow "unreachable"). */
	@Transactional
	public WorkOrderDetail recordCallAttempt(long orderId, String note) {
		Caller.requireAny(REVISITORS);
		WorkOrder o = load(orderId);
		o.callAttempted(note);
		Instant at = clock.instant();
		records.addCallAttempt(o.id, o.round, at, actor(), note == null ? null : WorkOrder.required("note", note));
		announce(o, at);
		return views.detail(o);
	}

	/** 回访: the outcome; not satisfied reopens rectification with a new deadline. */
	@Transactional
	public WorkOrderDetail revisit(long orderId, int version, RevisitOutcome outcome, String note) {
		return step(orderId, version, REVISITORS, (o, at) -> o.revisit(at, outcome, note,
				records.callAttempts(o.id, o.round), unreachable, rules(o), calendar));
	}

	/** The rater's mobile for the revisit call: shown in full to this caller, and the reveal is audited. */
	@Transactional
	public String revealRaterMobile(long orderId) {
		Caller.requireAny(REVEALERS);
		WorkOrder o = load(orderId);
		byte[] enc = orders.raterMobile(o.id).orElseThrow(() -> HcpException.notFound("mobile", "NO_RATER_MOBILE",
				"该工单没有评价人手机号", "This order has no rater mobile"));
		audit.append(o.id, clock.instant(), new WorkOrder.Step("reveal-mobile", o.state, o.state, null, null));
		return personal.decrypt(enc);
	}

	// ============================================================================== the rater's status page

	/**
	 * The progress link of a rating ({@code /r/{link}}), for the thank-you page: it reaches the rater's status page
	 * before any reply exists (no SMS, no account); unguessable for any other rating.
	 */
	public String progressLink(long evaluationId) {
		return progressLinks.of(evaluationId);
	}

	/** What a progress link shows: the rating's order, once opened; 404 for a link that is not one of ours. */
	@Transactional(readOnly = true)
	public RatingProgress ratingProgress(String link) {
		long evaluationId = progressLinks.evaluationOf(link).orElseThrow(WorkOrders::noSuchLink);
		return orders.orderOfEvaluation(evaluationId).flatMap(orders::find)
			.map(o -> new RatingProgress(evaluationId, o.orderNo, o.state, o.deadline))
			.orElse(new RatingProgress(evaluationId, null, null, null));
	}

	/**
	 * 核实时限 a bad rating made {@code at} in a region is expected to be verified by: as its order's own
	 * verification deadline is computed when it is dispatched at once (the region's rule profile, working days).
	 */
	public Instant expectedVerification(String regionCode, Instant at) {
		RuleProfile rules = regionCode == null ? profiles.byCode(profiles.defaultCode())
				: profiles.effective(new RegionCode(regionCode)).profile();
		return rules.verify().afterDispatch(at, calendar);
	}

	/** What the rater's status link shows; 404 for a token that names no reply. */
	@Transactional(readOnly = true)
	public RaterStatus raterStatus(String token) {
		OrderRecords.Reply reply = reply(token);
		return views.raterStatus(orders.find(reply.orderId()).orElseThrow(), reply);
	}

	/** The rater's own answer to the latest reply, once (a distinct fact; the revisit still decides). */
	@Transactional
	public RaterStatus answerAsRater(String token, RaterAnswer answer) {
		if (answer == null) {
			throw HcpException.invalid("answer", "REQUIRED", "请选择满意、基本满意或不满意", "answer is required");
		}
		OrderRecords.Reply reply = reply(token);
		if (!reply.latest()) {
			throw HcpException.conflict("answer", "REPLY_SUPERSEDED", "该答复已有更新的答复，请以最新短信为准",
					"A newer reply was sent; answer that one");
		}
		Instant at = clock.instant();
		if (!records.answer(reply.id(), answer, at)) {
			throw HcpException.conflict("answer", "ALREADY_ANSWERED", "已经评价过该答复", "This reply was answered already");
		}
		records.raterAnswered(reply.orderId(), answer, at);
		WorkOrder o = orders.find(reply.orderId()).orElseThrow();
		o.raterAnswered(at, answer);
		announce(o, at, "rater");
		return views.raterStatus(o, records.replyByToken(links.hash(token)).orElseThrow());
	}

	// ============================================================================== helpers

	@FunctionalInterface
	private interface Action {
		void apply(WorkOrder order, Instant at);
	}

	private WorkOrderDetail step(long orderId, int version, Role[] roles, Action action) {
		Caller.requireAny(roles);
		WorkOrder o = load(orderId);
		if (o.version != version) {
			throw WorkOrderConflict.stale(version);
		}
		Instant at = clock.instant();
		action.apply(o, at);
		persist(o, at);
		return views.detail(o);
	}

	/** Saves (comparing the version), audits every step and publishes it. */
	private void persist(WorkOrder o, Instant at) {
		if (!orders.save(o)) {
			throw WorkOrderConflict.stale(o.version);
		}
		announce(o, at);
	}

	private void announce(WorkOrder o, Instant at) {
		announce(o, at, null);
	}

	private void announce(WorkOrder o, Instant at, String actorWithoutCaller) {
		for (WorkOrder.Step step : o.steps) {
			audit.appendAs(actorWithoutCaller, o.id, at, step);
			events.publishEvent(new WorkOrderAdvanced(o.id, o.orderNo, step.action(), step.from(), step.to(),
					o.regionCode, o.departmentCode, o.staffNo, at));
		}
		o.steps.clear();
	}

	/**
	 * The order to act on: 404 when unknown, 403 outside the caller's scope, 409 REMOTE_ORDER when a lower platform
	 * handles it ({@link ReadOnlyRemoteOrders}). Every action loads its order here or in {@link #lock}.
	 */
	private WorkOrder load(long orderId) {
		WorkOrder o = orders.find(orderId).orElseThrow(WorkOrders::unknown);
		inScope(o);
		return ReadOnlyRemoteOrders.actingOn(o);
	}

	private WorkOrder lock(long orderId) {
		WorkOrder o = orders.lock(orderId).orElseThrow(WorkOrders::unknown);
		inScope(o);
		return ReadOnlyRemoteOrders.actingOn(o);
	}

	/** The order to show, remote ones included: 404 when unknown, 403 outside the caller's scope. */
	private WorkOrder read(long orderId) {
		WorkOrder o = orders.find(orderId).orElseThrow(WorkOrders::unknown);
		inScope(o);
		return o;
	}

	private static void inScope(WorkOrder o) {
		RegionScope.current().require("orderId", new RegionCode(o.regionCode), o.departmentCode, o.staffNo);
	}

	private static HcpException unknown() {
		return HcpException.notFound("orderId", "UNKNOWN_ORDER", "工单不存在", "No such work order");
	}

	private RuleProfile rules(WorkOrder o) {
		return profiles.byCode(o.profileCode);
	}

	private ExtensionView pendingExtension(WorkOrder o) {
		return records.pendingExtension(o.id).orElseThrow(() -> HcpException.conflict("extension", "NO_PENDING_EXTENSION",
				"没有待审批的延期申请", "There is no pending extension request"));
	}

	private OrderRecords.Reply reply(String token) {
		return StatusLinks.wellFormed(token) ? records.replyByToken(links.hash(token)).orElseThrow(WorkOrders::noSuchLink)
				: throwNoSuchLink();
	}

	private static OrderRecords.Reply throwNoSuchLink() {
		throw noSuchLink();
	}

	private static HcpException noSuchLink() {
		return HcpException.notFound("token", "UNKNOWN_LINK", "链接无效或已失效", "This link is not valid");
	}

	private static List<Long> files(List<Long> ids) {
		return ids == null ? List.of() : ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
	}

	private void useFiles(WorkOrder o, List<Long> ids, String step) {
		List<Long> missing = records.useEvidence(o.id, files(ids), step);
		if (!missing.isEmpty()) {
			throw HcpException.invalid("files", "UNKNOWN_EVIDENCE", "佐证材料不存在或已被使用：" + missing,
					"Evidence files unknown to this order or already used: " + missing);
		}
	}

	private static String actor() {
		return Caller.current().map(Caller::name).orElse("system");
	}
}
