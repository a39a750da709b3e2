package org.hcp.catalog;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** The versioned indicator catalog 评价指标: read any version, edit only the open draft, publish it. */
@RestController
@RequestMapping("/api/v1/catalog")
@Tag(name = "catalog 基础目录")
class IndicatorController {

	private final IndicatorVersions versions;

	IndicatorController(IndicatorVersions versions) {
		this.versions = versions;
	}

	@GetMapping("/indicators")
	@Operation(summary = "The indicators of a version (default: the current, i.e. latest published, version)")
	Map<String, Object> indicators(@RequestParam(required = false) Integer version) {
		int shown = versions.versionOrCurrent(version);
		List<Indicator> indicators = versions.indicators(shown);
		return Map.of("version", shown, "indicators", indicators.stream().map(IndicatorInput::view).toList());
	}

	@GetMapping("/indicator-versions")
	Map<String, Object> versions() {
		return Map.of("versions", versions.versions());
	}

	@PostMapping("/indicator-versions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open the next draft version as a copy of the current one (optional body {note}); 409 if a draft is open")
	Map<String, Object> createDraft(@RequestBody(required = false) JsonNode body) {
		String note = null;
		if (body != null && !body.isNull()) {
			Fields in = Fields.ofJson(body);
			note = in.text("note", 300, false);
			in.check();
		}
		return Map.of("version", versions.createDraft(note), "status", "DRAFT");
	}

	@PostMapping(path = "/indicator-versions/{version}/indicators", consumes = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add an indicator {code, level, family, text} to a draft; 409 on a published version")
	Map<String, Object> add(@PathVariable int version, @RequestBody JsonNode body) {
		return IndicatorInput.view(versions.add(version, body));
	}

	@PutMapping(path = "/indicator-versions/{version}/indicators/{code}", consumes = "application/json")
	Map<String, Object> update(@PathVariable int version, @PathVariable String code, @RequestBody JsonNode body) {
		return IndicatorInput.view(versions.update(version, code, body));
	}

	@DeleteMapping("/indicator-versions/{version}/indicators/{code}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable int version, @PathVariable String code) {
		versions.delete(version, code);
	}

	@PostMapping(path = "/indicator-versions/{version}/indicators/import", consumes = "text/csv")
	@Operation(summary = "Replace a draft's indicators with a UTF-8 CSV file (header: code,level,family,text)")
	Map<String, Integer> importCsv(@PathVariable int version, @RequestBody byte[] csv) {
		return Map.of("imported", versions.importCsv(version, csv));
	}

	@PostMapping("/indicator-versions/{version}/publish")
	@Operation(summary = "Publish a draft: it becomes the current indicator table for every new rating")
	Map<String, Object> publish(@PathVariable int version) {
		versions.publish(version);
		return Map.of("version", version, "status", "PUBLISHED");
	}
}
