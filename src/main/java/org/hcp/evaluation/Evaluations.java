package org.hcp.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import org.hcp.catalog.Catalog;
import org.hcp.catalog.IndicatorSet;
import org.hcp.catalog.StaffView;
import org.hcp.cases.CaseView;
import org.hcp.cases.Cases;
import org.hcp.cases.FoundCases;
import org.hcp.cases.ServiceEventView;
import org.hcp.evaluation.rules.BindingTokenRequired;
import org.hcp.evaluation.rules.DefaultRating;
import org.hcp.privacy.Masks;
import org.hcp.privacy.Mobile;
import org.hcp.privacy.PersonalData;
import org.hcp.security.Caller;
import org.hcp.security.RegionScope;
import org.hcp.shared.HcpException;
import org.hcp.shared.Level;
import org.hcp.shared.RegionCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The evaluation façade: every door a rating comes through ends here, under the same rules. */
@Service
public class Evaluations {

	private final Cases cases;
	private final Catalog catalog;
	private final EvaluationStore store;
	private final RatingTargets targets;
	private final RatingRules rules;
	private final PersonalData personal;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Exclusions exclusions;
	private final RatingReads reads;

	Evaluations(Cases cases, Catalog catalog, EvaluationStore store, RatingTargets targets, RatingRules rules,
			PersonalData personal, ApplicationEventPublisher events, Clock clock, Exclusions exclusions,
			RatingReads reads) {
		this.exclusions = exclusions;
		this.reads = reads;
		this.rules = rules;
		this.cases = cases;
		this.catalog = catalog;
		this.store = store;
		this.targets = targets;
		this.personal = personal;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Stores one rating — for one service, or for every case of its batch, or of its chain when asked. All or
	 * nothing: if any target is already rated the whole rating is refused with 409 and nothing is stored. The API key
	 * of the calling system is stored as its submitter.
	 */
	@Transactional
	public List<EvaluationView> rate(RatingCommand command) {
		return rate(command, Attribution.byKey(Caller.current().map(Caller::keyId).orElse(null)));
	}

	/** As {@link #rate(RatingCommand)}, with the submitter named by the caller (the key that issued a token). */
	@Transactional
	List<EvaluationView> rate(RatingCommand command, Long submittedBy) {
		return rate(command, Attribution.byKey(submittedBy));
	}

	/** As {@link #rate(RatingCommand)}, attributed as the door that took it says (key, person, reference). */
	@Transactional
	List<EvaluationView> rate(RatingCommand command, Attribution by) {
		Level level = Level.ofStars("level", command.level());
		if (command.channel() == null) {
			throw HcpException.invalid("channel", "REQUIRED", "评价渠道不能为空", "channel is required");
		}
		DefaultRating.notClaimedByARater(command.channel());
		BindingTokenRequired.check(command.channel(), command.source() == Source.TOKEN);
		CaseView rated = cases.requireReferenced("caseNo", command.caseNo());
		Instant now = RatingRules.micros(clock.instant());
		List<String> indicators = distinct(command.indicators());
		SealedRater rater = SealedRater.of(command.rater(), personal);
		IndicatorSet catalogNow = catalog.currentIndicators();
		RatingTargets.Plan plan = targets.plan(rated, command.serviceNo(), command.wholeChain());
		UUID group = plan.targets().size() > 1 ? UUID.randomUUID() : null;
		List<EvaluationRecord> rows = new ArrayList<>();
		Instant ratedAt = command.ratedAt() == null ? now : command.ratedAt();
		for (RatingTargets.Target t : plan.targets()) {
			Draft draft = Draft.forRater(t, plan.scope(), group, command, level, indicators, ratedAt, rater, by);
			rows.add(rules.check(draft, catalogNow, staff(t.event().staffNo()), now));
		}
		return append(rows, command.rater());
	}

	/** Stores the default rating 默认评价 of a case that stayed unrated; false when it was rated meanwhile. */
	@Transactional
	public boolean recordDefault(String caseNo, int serviceNo, Level level, Instant asOf) {
		Optional<CaseView> found = cases.find(caseNo);
		if (found.isEmpty()) {
			return false;
		}
		CaseView c = found.get();
		if (store.anyFor(c.id())) {
			store.settle(List.of(c.id()), asOf);
			return false;
		}
		ServiceEventView event = c.event(serviceNo).or(c::lastEvent).orElse(null);
		if (event == null) {
			return false;
		}
		Instant at = RatingRules.micros(asOf);
		Instant now = at.isAfter(clock.instant()) ? at : clock.instant();
		EvaluationRecord row = rules.check(Draft.forDefault(c, event, level, at), catalog.currentIndicators(), null, now);
		OptionalLong id = store.append(row);
		if (id.isEmpty()) {
			store.settle(List.of(c.id()), at); // rated meanwhile; a stored row settles its case in the append itself
			return false;
		}
		announce(id.getAsLong(), row);
		return true;
	}

	/**
	 * Bulk intake of exchange records. Each record is accepted, a duplicate, or rejected on its own; the accepted
	 * ones are appended, and their cases settled, in one statement. The outcomes are in the order of the records.
	 */
	@Transactional
	public List<IntakeOutcome> intake(List<ExchangeRating> ratings) {
		Instant now = RatingRules.micros(clock.instant());
		FoundCases known = cases.findAll(ratings.stream().map(ExchangeRating::projectNo).distinct().toList());
		IndicatorSet catalogNow = catalog.currentIndicators();
		Map<String, Optional<StaffView>> staffCache = new HashMap<>();
		Long submittedBy = Caller.current().map(Caller::keyId).orElse(null);
		IntakeOutcome[] outcomes = new IntakeOutcome[ratings.size()];
		List<EvaluationRecord> rows = new ArrayList<>();
		List<Integer> rowOf = new ArrayList<>();
		Map<EvaluationStore.Key, Integer> firstInBatch = new HashMap<>();
		for (int i = 0; i < ratings.size(); i++) {
			try {
				EvaluationRecord row = intakeRow(ratings.get(i), known, catalogNow, staffCache, submittedBy, now);
				if (firstInBatch.putIfAbsent(new EvaluationStore.Key(row.caseId(), row.slot()), i) != null) {
					outcomes[i] = IntakeOutcome.duplicate();
					continue;
				}
				rows.add(row);
				rowOf.add(i);
			}
			catch (HcpException e) {
				outcomes[i] = new IntakeOutcome(IntakeOutcome.Status.REJECTED, e.code(), e.text(),
						e.fields().isEmpty() ? null : e.fields().get(0).field());
			}
		}
		Map<EvaluationStore.Key, Long> stored = store.appendAll(rows, now);
		for (int r = 0; r < rows.size(); r++) {
			EvaluationRecord row = rows.get(r);
			Long id = stored.get(new EvaluationStore.Key(row.caseId(), row.slot()));
			outcomes[rowOf.get(r)] = id == null ? IntakeOutcome.duplicate() : IntakeOutcome.accepted();
			if (id != null) {
				announce(id, row);
			}
		}
		return List.of(outcomes);
	}

	private EvaluationRecord intakeRow(ExchangeRating e, FoundCases known, IndicatorSet catalogNow,
			Map<String, Optional<StaffView>> staffCache, Long submittedBy, Instant now) {
		CaseView c = known.get("projectNo", e.projectNo());
		if (c == null) {
			throw HcpException.invalid("projectNo", "UNKNOWN_SERVICE", "办件 " + e.projectNo() + " 尚未报送服务记录，请先报送服务记录",
					"No service record for case " + e.projectNo() + "; push the service record first");
		}
		ServiceEventView event = c.event(e.serviceNumber()).orElseThrow(() -> HcpException.invalid("serviceNumber",
				"UNKNOWN_SERVICE", "办件 " + e.projectNo() + " 没有第 " + e.serviceNumber() + " 次服务记录",
				"Case " + e.projectNo() + " has no service " + e.serviceNumber()));
		StaffView staff = event.staffNo() == null ? null
				: staffCache.computeIfAbsent(event.staffNo(), catalog::staff).orElse(null);
		Draft draft = Draft.fromExchange(c, event, e, distinct(e.indicators()), SealedRater.of(e.rater(), personal),
				submittedBy);
		return rules.check(draft, catalogNow, staff, now);
	}

	/** Stored ratings by id, in the order asked, personal data masked (the first answer to a replayed request). */
	public List<EvaluationView> byIds(List<Long> ids) {
		return ids.stream()
			.map(id -> reads.byId(id).orElseThrow())
			.map(s -> view(s.id(), s.record(), rater(s.record())))
			.toList();
	}

	/** The stored ratings of a case, personal data masked; 403 for a case outside the caller's region. */
	public List<EvaluationView> byCase(String caseNo) {
		return byCase("caseNo", caseNo);
	}

	/** As {@link #byCase(String)}, naming the field that carried the number when the case is another region's. */
	public List<EvaluationView> byCase(String field, String caseNo) {
		cases.find(field, caseNo);
		return store.byCaseNo(caseNo).stream().map(s -> view(s.id(), s.record(), rater(s.record()))).toList();
	}

	/**
	 * Excludes ratings from every statistic from now on (an upheld appeal, domain §8, §10): each rating is kept as it
	 * was and an append-only exclusion names the decision, who (the current caller) and when. A rating already excluded
	 * keeps its first exclusion, so a repeated call changes nothing. 404 for an unknown rating, 403 outside the
	 * caller's scope; then nothing is excluded. Statistics count the view {@code evl_counted} or {@link #counted}.
	 *
	 * @return how many ratings were newly excluded
	 */
	@Transactional
	public int exclude(Collection<Long> evaluationIds, ExclusionReason reason, String decisionReference, Instant at) {
		Set<Long> ids = new LinkedHashSet<>(evaluationIds);
		List<Exclusions.Rated> found = exclusions.regionsOf(ids);
		if (found.size() != ids.size()) {
			throw HcpException.notFound("evaluationIds", "UNKNOWN_EVALUATION", "评价不存在", "No such rating");
		}
		RegionScope scope = RegionScope.current();
		found.forEach(r -> scope.require("evaluationIds", new RegionCode(r.regionCode())));
		Optional<Caller> caller = Caller.current();
		return exclusions.append(ids, reason, decisionReference, caller.map(Caller::name).orElse("system"),
				caller.map(Caller::mainRole).map(Enum::name).orElse(null), at);
	}

	/**
	 * As {@link #exclude(Collection, ExclusionReason, String, Instant)}, for a decision taken elsewhere and named by who
	 * took it (an appeal decided at the lower platform that relayed the rating: {@code decidedBy} names that platform).
	 */
	@Transactional
	public int exclude(Collection<Long> evaluationIds, ExclusionReason reason, String decisionReference,
			String decidedBy, Instant at) {
		Set<Long> ids = new LinkedHashSet<>(evaluationIds);
		List<Exclusions.Rated> found = exclusions.regionsOf(ids);
		if (found.size() != ids.size()) {
			throw HcpException.notFound("evaluationIds", "UNKNOWN_EVALUATION", "评价不存在", "No such rating");
		}
		RegionScope scope = RegionScope.current();
		found.forEach(r -> scope.require("evaluationIds", new RegionCode(r.regionCode())));
		return exclusions.append(ids, reason, decisionReference, decidedBy, null, at);
	}

	/**
	 * The stored rating of a case's service by the exchange's key (projectNo, serviceNumber, assessNumber), for a
	 * later record about it (a rectification step, an appeal decision); empty when it is not stored here.
	 */
	public OptionalLong ratingOf(String caseNo, int serviceNo, int assessNumber) {
		return reads.byService(caseNo, serviceNo, assessNumber).map(s -> OptionalLong.of(s.id())).orElse(OptionalLong.empty());
	}

	/**
	 * The announcement of a stored bad rating, exactly as it was published when the rating was stored (for a listener
	 * that must act before the announcement reaches it); empty for an unknown or a good rating.
	 */
	public Optional<BadReviewReceived> badReview(long evaluationId) {
		return reads.byId(evaluationId).filter(s -> s.record().isBad()).map(s -> badReview(s.id(), s.record()));
	}

	/** The app id of the lower platform that relayed this rating; empty for an unknown one or one not relayed. */
	public Optional<String> relayedFrom(long evaluationId) {
		return reads.byId(evaluationId).map(s -> s.record().relayedFrom());
	}

	/** True when an upheld appeal excluded this rating from statistics. */
	public boolean isExcluded(long evaluationId) {
		return !exclusions.excludedAmong(List.of(evaluationId)).isEmpty();
	}

	/**
	 * Who gave a stored rating, decrypted for a record that keeps it encrypted again (the credit file of a malicious
	 * rater); {@link Rater#toString()} is masked. Empty for an unknown rating; 403 outside the caller's scope.
	 */
	public Optional<Rater> raterOf(long evaluationId) {
		return reads.byId(evaluationId).map(s -> {
			RegionScope.current().require("evaluationId", new RegionCode(s.record().regionCode()));
			return rater(s.record());
		});
	}

	/**
	 * The ratings of a window staff member, newest first, personal data masked, each with whether it was excluded;
	 * {@code badOnly}: only the bad reviews (1–2 stars). Window staff see only their own (403 for another staff
	 * number); others see those inside their scope.
	 */
	public List<StaffRating> ofStaff(String staffNo, boolean badOnly, int page, int size) {
		RegionScope scope = RegionScope.current();
		if (scope.staff().isPresent() && !scope.staff().get().equals(staffNo)) {
			throw scope.refusal("staffNo");
		}
		List<EvaluationStore.StoredEvaluation> rows = reads.ofStaff(staffNo, badOnly, scope, page, size);
		Set<Long> excluded = exclusions.excludedAmong(rows.stream().map(EvaluationStore.StoredEvaluation::id).toList());
		return rows.stream()
			.map(s -> new StaffRating(view(s.id(), s.record(), rater(s.record())), excluded.contains(s.id())))
			.toList();
	}

	/**
	 * The ratings that count in a region and period [from, to): stored minus excluded by an upheld appeal (domain
	 * §10). 403 for a region outside the caller's scope.
	 */
	public CountedRatings counted(RegionCode region, Instant from, Instant to) {
		RegionScope.current().require("regionCode", region);
		return exclusions.count(region.prefix(), from, to);
	}

	private Rater rater(EvaluationRecord r) {
		return new Rater(personal.decrypt(r.raterNameEnc()), null, personal.decrypt(r.raterCertEnc()),
				Optional.ofNullable(personal.decrypt(r.raterMobileEnc())).map(Mobile::new).orElse(null));
	}

	private List<EvaluationView> append(List<EvaluationRecord> rows, Rater rater) {
		List<EvaluationView> views = new ArrayList<>();
		for (EvaluationRecord row : rows) {
			long id = store.append(row).orElseThrow(() -> HcpException.conflict("serviceNo", "DUPLICATE_RATING",
					"办件 " + row.caseNo() + " 的该次服务已评价，不能重复评价", "Case " + row.caseNo()
							+ (row.slot() == 0 ? "" : " service " + row.serviceNo()) + " has already been rated"));
			announce(id, row);
			views.add(view(id, row, rater == null ? Rater.ANONYMOUS : rater));
		}
		return views;
	}

	private void announce(long id, EvaluationRecord row) {
		events.publishEvent(new RatingRecorded(id, row.caseId(), row.caseNo(), row.serviceNo(), row.level(),
				row.channel(), row.isDefault(), row.assessedAt()));
		if (row.isBad()) {
			events.publishEvent(badReview(id, row));
		}
	}

	private static BadReviewReceived badReview(long id, EvaluationRecord row) {
		return new BadReviewReceived(id, row.caseId(), row.caseNo(), row.serviceNo(), row.departmentCode(),
				row.staffNo(), row.assessedAt(), row.groupId(), row.regionCode(), row.itemCode(), row.windowCode(),
				row.level(), row.comment(), row.raterMobileEnc(), row.relayedFrom());
	}

	private StaffView staff(String staffNo) {
		return staffNo == null ? null : catalog.staff(staffNo).orElse(null);
	}

	/** The view of a stored row, masked from the rater's plain data (just submitted, or decrypted for a list). */
	private static EvaluationView view(long id, EvaluationRecord r, Rater rater) {
		return new EvaluationView(id, r.caseNo(), r.serviceNo(), r.channel(), r.level(),
				r.indicators() == null ? List.of() : List.of(r.indicators().split(",")), r.comment(), r.assessedAt(),
				r.assessNumber(), r.isDefault(), r.scope(), r.staffNo(), r.windowCode(), Masks.name(rater.name()),
				rater.mobile() == null ? null : rater.mobile().masked(), Masks.idNumber(rater.certNo()), r.source());
	}

	private static List<String> distinct(List<String> codes) {
		if (codes == null) {
			return List.of();
		}
		return codes.stream().filter(c -> c != null && !c.isBlank()).map(String::trim).toList();
	}
}
