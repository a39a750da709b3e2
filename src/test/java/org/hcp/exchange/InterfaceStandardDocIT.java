package org.hcp.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hcp.support.ApiTest;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * docs/interface-standard.md and {@code /v3/api-docs} describe the same fields: every field table of the document
 * (after a {@code <!-- schema: Name -->} marker) against the schema of that name — name, type, required and, where
 * the document gives one, the length — and every schema of the standard has its table.
 */
class InterfaceStandardDocIT extends ApiTest {

	/** One row of a field table, or one property of a schema, reduced to what both must agree on. */
	record Field(String type, boolean required, Integer length) {
	}

	@Test
	void every_field_of_the_document_is_in_the_openapi_and_every_field_of_the_openapi_is_in_the_document()
			throws IOException {
		Map<String, Map<String, Field>> document = tables(Files.readString(InterfaceStandardExampleTest.DOCUMENT));
		JsonNode schemas = anonymous.get("/v3/api-docs").json().path("components").path("schemas");
		List<String> standard = StandardSchemas.TYPES.stream()
			.map(type -> type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class).name())
			.toList();
		assertThat(document.keySet()).as("the document's field tables").containsExactlyInAnyOrderElementsOf(standard);
		for (String name : standard) {
			assertThat(schemas.has(name)).as("schema " + name + " in /v3/api-docs").isTrue();
			assertThat(new TreeMap<>(document.get(name))).as("the fields of " + name + ": document (actual) vs OpenAPI")
				.isEqualTo(new TreeMap<>(openApi(schemas.get(name), document.get(name))));
		}
	}

	@Test
	void the_national_endpoint_is_described_with_the_envelope_and_its_answer() {
		JsonNode paths = anonymous.get("/v3/api-docs").json().path("paths");
		JsonNode national = paths.path(StandardSchemas.NATIONAL).path("post");
		if (national.isMissingNode()) {
			// the endpoint itself is another part of issue 9; without it there is nothing to describe
			return;
		}
		assertThat(national.path("requestBody").toString()).contains("#/components/schemas/NationalEnvelope");
		assertThat(national.path("responses").path("200").toString()).contains("#/components/schemas/NationalAnswer");
	}

	/** The schema's properties; a length only where the document gives one, so that "—" means "not stated". */
	private static Map<String, Field> openApi(JsonNode schema, Map<String, Field> document) {
		List<String> required = new ArrayList<>();
		schema.path("required").forEach(r -> required.add(r.asString()));
		Map<String, Field> fields = new LinkedHashMap<>();
		for (var property : schema.path("properties").properties()) {
			JsonNode p = property.getValue();
			Field shown = document.get(property.getKey());
			Integer length = p.has("maxLength") ? Integer.valueOf(p.get("maxLength").asInt()) : null;
			if (shown != null && shown.length() == null && p.has("maxLength")) {
				length = -1; // stated in the OpenAPI, missing in the document
			}
			fields.put(property.getKey(), new Field(type(p), required.contains(property.getKey()), length));
		}
		return fields;
	}

	private static String type(JsonNode p) {
		if (p.has("$ref")) {
			return "object";
		}
		JsonNode type = p.path("type");
		if (type.isArray()) {
			for (JsonNode t : type) {
				if (!t.asString().equals("null")) {
					return t.asString();
				}
			}
		}
		return type.isMissingNode() ? "object" : type.asString();
	}

	private static final Pattern MARKER = Pattern.compile("<!-- schema: (\\w+) -->\\n((?:\\|.*\\n)+)");

	/** The field tables: | 字段 | 类型 | 长度 | 必填 | 说明 |. */
	static Map<String, Map<String, Field>> tables(String text) {
		Map<String, Map<String, Field>> tables = new LinkedHashMap<>();
		Matcher m = MARKER.matcher(text);
		while (m.find()) {
			Map<String, Field> fields = new LinkedHashMap<>();
			String[] rows = m.group(2).split("\n");
			for (int i = 2; i < rows.length; i++) {
				String[] cells = rows[i].split("\\|");
				String name = cells[1].trim();
				String length = cells[3].trim();
				fields.put(name, new Field(cells[2].trim(), cells[4].trim().equals("是"),
						length.equals("—") ? null : Integer.valueOf(length)));
			}
			tables.put(m.group(1), fields);
		}
		return tables;
	}
}
