package org.hcp.cases;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.hcp.privacy.Mobile;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Business systems report cases here. Translates HTTP only: the use cases are {@link CaseRegistration} and {@link VisitRecording}. */
@RestController
@Tag(name = "cases 办件")
class CaseController {

	private final Cases cases;
	private final CaseRegistration registration;
	private final VisitRecording visits;

	CaseController(Cases cases, CaseRegistration registration, VisitRecording visits) {
		this.cases = cases;
		this.registration = registration;
		this.visits = visits;
	}

	@PostMapping("/api/v1/cases")
	@Operation(summary = "Register a case with its service events (受理, visits, 办结)")
	ResponseEntity<CaseResponse> open(@RequestBody CaseRequest request) {
		CaseView view = registration.register(toNewCase(request));
		URI location = UriComponentsBuilder.fromPath("/api/v1/cases/{caseNo}").encode().buildAndExpand(view.caseNo()).toUri();
		return ResponseEntity.created(location).body(CaseResponse.of(view));
	}

	@PostMapping("/api/v1/cases/{caseNo}/services")
	@Operation(summary = "Add a service event (a visit); completedAt completes the case")
	CaseResponse addService(@PathVariable String caseNo, @RequestBody ServiceRequest request) {
		cases.require(CaseNo.parse("caseNo", caseNo).value());
		List<FieldProblem> problems = new ArrayList<>();
		NewCase.NewServiceEvent event = toEvent("", request, problems);
		throwIfAny(problems);
		return CaseResponse.of(visits.addVisit(caseNo, event, instant(request.completedAt())));
	}

	@GetMapping("/api/v1/cases/{caseNo}")
	CaseResponse find(@PathVariable String caseNo) {
		return CaseResponse.of(cases.require(CaseNo.parse("caseNo", caseNo).value()));
	}

	/** Translates the body; the catalog and the case rules are checked by {@link CaseRegistration}. */
	private NewCase toNewCase(CaseRequest r) {
		List<FieldProblem> problems = new ArrayList<>();
		RegionCode region = attempt(problems, () -> RegionCode.parse("regionCode", r.regionCode()));
		attempt(problems, () -> CaseNo.parse("caseNo", r.caseNo()));
		required(problems, "caseType", r.caseType());
		required(problems, "applyChannel", r.applyChannel());
		required(problems, "acceptedAt", r.acceptedAt());
		Applicant applicant = toApplicant(r.applicant(), problems);
		List<NewCase.NewServiceEvent> events = new ArrayList<>();
		List<ServiceRequest> services = r.services() == null ? List.of() : r.services();
		for (int i = 0; i < services.size(); i++) {
			events.add(toEvent("services[" + i + "].", services.get(i), problems));
		}
		throwIfAny(problems);
		return new NewCase(r.caseNo(), r.title(), r.itemCode(), null, r.departmentCode(), region, r.caseType(),
				r.applyChannel(), CaseRegistration.initialStatus(r.completedAt() != null, events.size()), applicant,
				instant(r.acceptedAt()), instant(r.completedAt()), r.batchNo(), r.chainNo(), NewCase.Source.API, events);
	}

	private static NewCase.NewServiceEvent toEvent(String at, ServiceRequest s, List<FieldProblem> problems) {
		if (s == null) {
			problems.add(FieldProblem.of(at + "serviceNo", "服务环节不能为空", "the service event is required"));
			return new NewCase.NewServiceEvent(0, null, null, null, null);
		}
		required(problems, at + "serviceNo", s.serviceNo());
		return new NewCase.NewServiceEvent(s.serviceNo() == null ? 0 : s.serviceNo(), s.name(), instant(s.at()),
				s.staffNo(), s.windowCode());
	}

	private static Applicant toApplicant(ApplicantRequest a, List<FieldProblem> problems) {
		if (a == null) {
			problems.add(FieldProblem.of("applicant", "申请人不能为空", "the applicant is required"));
			return null;
		}
		Mobile mobile = attempt(problems, () -> Mobile.parseOptional("applicant.mobile", a.mobile()));
		if (a.type() == null || a.type() < 1 || a.type() > 9) {
			problems.add(FieldProblem.of("applicant.type", "申请人类型应为1（自然人）或2（法人）等", "type must be 1 (person), 2 (company) …"));
		}
		if (a.name() == null || a.name().isBlank() || a.name().length() > 100) {
			problems.add(FieldProblem.of("applicant.name", "申请人姓名不能为空且不超过100字", "name is required, at most 100 characters"));
		}
		if (a.certNo() != null && a.certNo().length() > 64) {
			problems.add(FieldProblem.of("applicant.certNo", "证件号码过长", "certNo is too long"));
		}
		return new Applicant(a.type() == null ? 0 : a.type(), a.name(), a.certType() == null ? "111" : a.certType(),
				a.certNo(), mobile);
	}

	private static <T> T attempt(List<FieldProblem> problems, java.util.function.Supplier<T> parse) {
		try {
			return parse.get();
		}
		catch (HcpException e) {
			problems.addAll(e.fields());
			return null;
		}
	}

	private static void required(List<FieldProblem> problems, String field, Object value) {
		if (value == null) {
			problems.add(FieldProblem.of(field, "不能为空", "is required"));
		}
	}

	private static void throwIfAny(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw HcpException.invalid("INVALID_CASE", problems);
		}
	}

	private static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

	record CaseRequest(String caseNo, String title, String itemCode, String departmentCode, String regionCode,
			CaseType caseType, ApplyChannel applyChannel, ApplicantRequest applicant, OffsetDateTime acceptedAt,
			OffsetDateTime completedAt, String batchNo, String chainNo, List<ServiceRequest> services) {
	}

	record ApplicantRequest(Integer type, String name, String certType, String certNo, String mobile) {
	}

	record ServiceRequest(Integer serviceNo, String name, OffsetDateTime at, String staffNo, String windowCode,
			OffsetDateTime completedAt) {
	}

	record CaseResponse(String caseNo, String title, String itemCode, String itemName, String departmentCode,
			String regionCode, CaseType caseType, ApplyChannel applyChannel, CaseStatus status, Instant acceptedAt,
			Instant completedAt, String batchNo, String chainNo, int applicantType, String applicantName,
			List<ServiceEventView> services) {

		static CaseResponse of(CaseView v) {
			return new CaseResponse(v.caseNo(), v.title(), v.itemCode(), v.itemName(), v.departmentCode(),
					v.region().value(), v.caseType(), v.applyChannel(), v.status(), v.acceptedAt(), v.completedAt(),
					v.batchNo(), v.chainNo(), v.applicantType(), v.maskedApplicantName(), v.events());
		}
	}
}
