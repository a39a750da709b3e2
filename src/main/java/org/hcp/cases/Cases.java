package org.hcp.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hcp.privacy.Mobile;
import org.hcp.security.RegionScope;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.stereotype.Service;

/**
 * The cases façade: registers cases and service events, and answers questions about them. Every case that enters or
 * leaves through here is held against the caller's {@link RegionScope}: another region's case is refused with 403
 * OUT_OF_SCOPE naming the field that named it (ADR 0013), so no endpoint has to remember the check.
 */
@Service
public class Cases {

	private final CaseRepository repository;
	private final CaseRegistration registration;
	private final CaseReporting reporting;

	Cases(CaseRepository repository, CaseRegistration registration, CaseReporting reporting) {
		this.repository = repository;
		this.registration = registration;
		this.reporting = reporting;
	}

	/** Registers a new case with its service events (see {@link CaseRegistration}); a known case number is a 409. */
	public CaseView open(NewCase c) {
		return registration.register(c);
	}

	/**
	 * Records service records reported by lower platforms (the exchange), set-based; each is answered on its own.
	 * Must run inside the caller's transaction; throws {@link org.springframework.dao.OptimisticLockingFailureException}
	 * when a concurrent writer changed one of the cases — the caller retries, e.g. record by record.
	 */
	public List<ReportOutcome> reportAll(List<NewCase> records) {
		return reporting.reportAll(records);
	}

	/** Empty as well for a number that cannot be a case number (see {@link CaseNo}); 403 for another region's. */
	public Optional<CaseView> find(String caseNo) {
		return find("caseNo", caseNo);
	}

	/** As {@link #find(String)}, naming the field that carried the number when the case is another region's. */
	public Optional<CaseView> find(String field, String caseNo) {
		Optional<CaseView> found = CaseNo.isWellFormed(caseNo) ? repository.find(caseNo) : Optional.empty();
		found.ifPresent(c -> RegionScope.current().require(field, c.region()));
		return found;
	}

	/** The case of this internal id (e.g. from a signed short link); 403 for another region's. */
	public Optional<CaseView> find(long caseId) {
		Optional<CaseView> found = repository.find(caseId);
		found.ifPresent(c -> RegionScope.current().require("caseNo", c.region()));
		return found;
	}

	/** The case addressed by a path: 404 when it does not exist, 403 when it is another region's. */
	public CaseView require(String caseNo) {
		return find(caseNo).orElseThrow(() -> HcpException.notFound("caseNo", "UNKNOWN_CASE", "办件不存在：" + caseNo,
				"No case " + caseNo));
	}

	/** The case a request body refers to: 422 naming the field when it does not exist. */
	public CaseView requireReferenced(String field, String caseNo) {
		if (caseNo == null || caseNo.isBlank()) {
			throw HcpException.invalid(field, "REQUIRED", "办件编号不能为空", field + " is required");
		}
		return find(field, caseNo).orElseThrow(() -> HcpException.invalid(field, "UNKNOWN_CASE", "办件不存在：" + caseNo,
				"No case " + caseNo));
	}

	/** The cases of these numbers, each answered on its own under the caller's region scope. */
	public FoundCases findAll(Collection<String> caseNos) {
		return new FoundCases(repository.findAll(caseNos), RegionScope.current());
	}

	/**
	 * Every case filed in one go with this one (批量业务): the same batch number, service item and region — a batch
	 * number alone may be reused by another business system.
	 */
	public List<CaseView> batchOf(CaseView c) {
		return inScope(c.batchNo() == null ? List.of(c) : repository.batchOf(c));
	}

	/** Every item of this case's theme chain 主题式/一链办 in its region. */
	public List<CaseView> chainOf(CaseView c) {
		return inScope(c.chainNo() == null ? List.of(c) : repository.chainOf(c));
	}

	/** Batches and chains stay in one region; a case passed in from outside the scope is refused all the same. */
	private static List<CaseView> inScope(List<CaseView> cases) {
		RegionScope scope = RegionScope.current();
		cases.forEach(c -> scope.require("caseNo", c.region()));
		return cases;
	}

	/**
	 * Every case completed in {@code region} or a region inside it, from {@code from} (inclusive) to {@code until}
	 * (exclusive), ordered by case number: the population of a quarterly revisit sample. 403 OUT_OF_SCOPE (naming
	 * {@code regionCode}) when the region is outside the caller's scope.
	 */
	public List<CompletedCase> completedIn(RegionCode region, Instant from, Instant until) {
		RegionScope.current().require("regionCode", region);
		return repository.completedIn(region, from, until);
	}

	/**
	 * The cases whose applicant registered this mobile (by its keyed hash), newest first, at most {@code limit}: what a
	 * rater who proved the mobile by an SMS code may see of their own. Not scoped by region: the rater is not staff.
	 */
	public List<CaseView> ofApplicantMobile(byte[] mobileHash, int limit) {
		return repository.ofApplicantMobile(mobileHash, limit);
	}

	/** The applicant's mobile, decrypted, for sending an SMS; never for display. */
	public Optional<Mobile> applicantMobile(long caseId) {
		return repository.applicantMobile(caseId);
	}
}
