package org.hcp.supervision;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.hcp.rectification.WorkOrderSource;
import org.hcp.shared.RegionCode;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Supervision over REST: translates HTTP only; the use cases are the services it calls. */
@RestController
@Tag(name = "supervision 监督")
class SupervisionController {

	private final RevisitSamples samples;
	private final RevisitCalls calls;
	private final RevisitResults results;
	private final Findings findings;

	SupervisionController(RevisitSamples samples, RevisitCalls calls, RevisitResults results, Findings findings) {
		this.samples = samples;
		this.calls = calls;
		this.results = results;
		this.findings = findings;
	}

	// --- quarterly random revisits 随机回访 -------------------------------------------------------------------

	@PostMapping("/api/v1/supervision/samples")
	@Operation(summary = "Draw the quarterly random revisit sample of a region (once; the quarter must have ended), "
			+ "with targeted service items; every drawn case gets a call task")
	ResponseEntity<SampleView> draw(@RequestBody RevisitSamples.DrawRequest request) {
		SampleView sample = samples.draw(request);
		return ResponseEntity.created(URI.create("/api/v1/supervision/samples/" + sample.id())).body(sample);
	}

	@GetMapping("/api/v1/supervision/samples")
	@Operation(summary = "Samples of the caller's region and below, newest quarter first (without their cases)")
	Paging.Page<SampleView> samples(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String quarter, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return samples.list(regionCode, quarter, Paging.of(page, size));
	}

	@GetMapping("/api/v1/supervision/samples/{id}")
	SampleView sample(@PathVariable long id) {
		return samples.find(id);
	}

	@GetMapping("/api/v1/supervision/samples/{id}/verification")
	@Operation(summary = "Redraw the sample from today's population with its stored seed and sizes, and compare")
	RevisitSamples.Verification verify(@PathVariable long id) {
		return samples.verify(id);
	}

	@GetMapping("/api/v1/supervision/calls")
	@Operation(summary = "Revisit calls of the caller's region; mine=true: the caller's own and the unassigned ones")
	Paging.Page<CallTaskView> calls(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String quarter, @RequestParam(required = false) CallTask.State state,
			@RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return calls.list(regionCode, quarter, state, mine, Paging.of(page, size));
	}

	@GetMapping("/api/v1/supervision/calls/{id}")
	CallTaskView call(@PathVariable long id) {
		return calls.find(id);
	}

	@GetMapping("/api/v1/supervision/calls/{id}/audit")
	List<SupervisionAudit.Entry> callAudit(@PathVariable long id) {
		return calls.auditOf(id);
	}

	@PostMapping("/api/v1/supervision/calls/{id}/claim")
	@Operation(summary = "A 12345 operator or assessor takes an open call nobody holds")
	CallTaskView claim(@PathVariable long id) {
		return calls.claim(id);
	}

	@PostMapping("/api/v1/supervision/calls/{id}/assign")
	@Operation(summary = "The office gives an open call to a 12345 operator or assessor of its region")
	CallTaskView assign(@PathVariable long id, @RequestBody AssignRequest request) {
		return calls.assign(id, request.assigneeId());
	}

	@PostMapping("/api/v1/supervision/calls/{id}/reveal")
	@Operation(summary = "The rater's full number for dialling; audited (who, when)")
	ResponseEntity<Map<String, Object>> reveal(@PathVariable long id) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("id", id, "mobile", calls.reveal(id)));
	}

	@PostMapping("/api/v1/supervision/calls/{id}/attempts")
	@Operation(summary = "Record a call attempt: SATISFIED, NOT_SATISFIED or NO_ANSWER (the third unanswered one "
			+ "ends the call as UNREACHABLE), with a comment")
	CallTaskView attempt(@PathVariable long id, @RequestBody AttemptRequest request) {
		return calls.recordAttempt(id, request.result(), request.comment());
	}

	@GetMapping("/api/v1/supervision/revisit-results")
	@Operation(summary = "Results of a quarter's random revisits in a region and below: drawn, satisfied, not "
			+ "satisfied, unreachable, open")
	RevisitCounts revisitResults(@RequestParam String regionCode, @RequestParam String quarter) {
		return results.counts(RegionCode.parse("regionCode", regionCode), Quarter.parse("quarter", quarter));
	}

	// --- 监督查评 findings and 综合点评 comments ----------------------------------------------------------------

	@PostMapping("/api/v1/supervision/findings")
	@Operation(summary = "Record a 监督查评 finding (INSPECTION, MYSTERY_VISIT, QUESTIONNAIRE, DEPUTY_EXPERIENCE); "
			+ "problem=true opens a work order")
	ResponseEntity<FindingView> recordFinding(@RequestBody FindingRequest request) {
		return created(findings.record(WorkOrderSource.FINDING, request), "findings");
	}

	@PostMapping("/api/v1/supervision/comments")
	@Operation(summary = "Record a 综合点评 comment (SUGGESTION_BOX, COMPLAINT_WINDOW, COMMENT_BOOK, HOTLINE, LETTER, "
			+ "EMAIL); problem=true opens a work order")
	ResponseEntity<FindingView> recordComment(@RequestBody FindingRequest request) {
		return created(findings.record(WorkOrderSource.COMMENT, request), "comments");
	}

	@GetMapping("/api/v1/supervision/findings")
	Paging.Page<FindingView> findings(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String kind, @RequestParam(required = false) Boolean problem,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return findings.list(WorkOrderSource.FINDING, regionCode, kind, problem, Paging.of(page, size));
	}

	@GetMapping("/api/v1/supervision/comments")
	Paging.Page<FindingView> comments(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String kind, @RequestParam(required = false) Boolean problem,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return findings.list(WorkOrderSource.COMMENT, regionCode, kind, problem, Paging.of(page, size));
	}

	@GetMapping("/api/v1/supervision/findings/{id}")
	FindingView finding(@PathVariable long id) {
		return findings.find(WorkOrderSource.FINDING, id);
	}

	@GetMapping("/api/v1/supervision/comments/{id}")
	FindingView comment(@PathVariable long id) {
		return findings.find(WorkOrderSource.COMMENT, id);
	}

	@GetMapping("/api/v1/supervision/findings/{id}/audit")
	List<SupervisionAudit.Entry> findingAudit(@PathVariable long id) {
		return findings.auditOf(WorkOrderSource.FINDING, id);
	}

	@GetMapping("/api/v1/supervision/comments/{id}/audit")
	List<SupervisionAudit.Entry> commentAudit(@PathVariable long id) {
		return findings.auditOf(WorkOrderSource.COMMENT, id);
	}

	record AttemptRequest(CallResult result, String comment) {
	}

	record AssignRequest(Long assigneeId) {
	}

	private static ResponseEntity<FindingView> created(FindingView view, String collection) {
		return ResponseEntity.created(URI.create("/api/v1/supervision/" + collection + "/" + view.id())).body(view);
	}

}
