package org.hcp.catalog;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.util.UriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * Regions, departments, institutions, windows, staff and service items share one shape of API; {@code kind} is the
 * plural path segment. Codes in paths are the stored keys (a region may also be given by its 6-digit code).
 */
@RestController
@RequestMapping("/api/v1/catalog/{kind:" + CatalogTable.PATHS + "}")
@Tag(name = "catalog 基础目录")
class CatalogController {

	private final CatalogRecords records;

	CatalogController(CatalogRecords records) {
		this.records = records;
	}

	@GetMapping
	@Operation(summary = "One page of rows, ordered by code. Filters: regions parent, level, verified; departments "
			+ "region, verified; institutions region, kind, parent; windows institution; staff institution, window, "
			+ "department, active; items department, itemType, verified")
	Paging.Page list(@PathVariable String kind, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size,
			@Parameter(hidden = true) @RequestParam Map<String, String> filters) {
		return records.list(kind, filters, Paging.of(page, size));
	}

	@GetMapping("/{code}")
	Map<String, Object> get(@PathVariable String kind, @PathVariable String code) {
		return records.get(kind, code);
	}

	@PostMapping(consumes = "application/json")
	@Operation(summary = "Create a row; 409 if the code exists, 422 naming the field if a referenced code does not")
	ResponseEntity<Map<String, Object>> create(@PathVariable String kind, @RequestBody JsonNode body) {
		Map<String, Object> created = records.create(kind, body);
		Object code = created.get(CatalogTable.ofPath(kind).keyField);
		// The code was checked by its kind before it was stored (letters, digits and _.- only); encoded all the same,
		// so a Location header can never fail after the commit.
		URI location = UriComponentsBuilder.fromPath("/api/v1/catalog/{kind}/{code}").encode()
			.buildAndExpand(kind, String.valueOf(code)).toUri();
		return ResponseEntity.created(location).body(created);
	}

	@PutMapping(path = "/{code}", consumes = "application/json")
	@Operation(summary = "Replace a row's fields (staff: an absent name, idNumber or mobile is kept); marks it verified")
	Map<String, Object> update(@PathVariable String kind, @PathVariable String code, @RequestBody JsonNode body) {
		return records.update(kind, code, body);
	}

	@DeleteMapping("/{code}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a row; 404 if missing, 409 while other catalog rows refer to it")
	void delete(@PathVariable String kind, @PathVariable String code) {
		records.delete(kind, code);
	}

	@PostMapping(path = "/import", consumes = "text/csv")
	@Operation(summary = "Import UTF-8 CSV whose header names the JSON fields; every line is checked first and "
			+ "all are stored (known codes replaced) or none; problems are reported as 'line N: field'")
	Map<String, Integer> importCsv(@PathVariable String kind, @RequestBody byte[] csv) {
		return Map.of("imported", records.importCsv(kind, csv));
	}
}
