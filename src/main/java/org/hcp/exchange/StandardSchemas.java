package org.hcp.exchange;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The interface standard's envelope, answer and four record kinds (docs/interface-standard.md) as schemas of
 * {@code /v3/api-docs}. The exchange endpoints take a {@code JsonNode} (they answer per record, so that one bad
 * record does not refuse a batch); this customizer names what that node must hold. {@code InterfaceStandardDocIT}
 * keeps the document's field tables and these schemas the same.
 */
@Configuration(proxyBeanMethods = false)
class StandardSchemas {

	/** The schemas of the standard, in the order the document describes them. */
	static final List<Class<?>> TYPES = List.of(StandardSchema.NationalEnvelope.class, StandardSchema.TxnBody.class,
			StandardSchema.EnvelopeParams.class, StandardSchema.NationalAnswer.class, StandardSchema.AnswerBody.class,
			StandardSchema.RecordAnswer.class, StandardSchema.AnswerText.class, StandardSchema.PublicKeyAnswer.class,
			StandardSchema.ServiceRecord.class, StandardSchema.EvaluateRecord.class,
			StandardSchema.RectificationRecord.class, StandardSchema.AppealRecord.class);

	static final String NATIONAL = "/api/exchange/v1/national";
	static final String PUBLIC_KEY = "/api/exchange/v1/public-key";

	@Bean
	OpenApiCustomizer interfaceStandardSchemas() {
		return openApi -> {
			Map<String, Schema> schemas = new java.util.LinkedHashMap<>();
			TYPES.forEach(type -> schemas.putAll(ModelConverters.getInstance().readAll(type)));
			schemas.forEach((name, schema) -> openApi.schema(name, schema));
			describe(openApi);
		};
	}

	private static void describe(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return;
		}
		post(openApi, NATIONAL).ifPresent(op -> {
			op.requestBody(new RequestBody().required(true).content(json(ref("NationalEnvelope"))));
			answer(op, "200", "每条记录的结果 a result per record", ref("NationalAnswer"));
		});
		post(openApi, "/api/exchange/v1/services").ifPresent(op -> op.requestBody(new RequestBody().required(true)
			.content(json(new Schema<>().oneOf(List.of(ref("ServiceRecord"), new ArraySchema().items(ref("ServiceRecord")),
					ref("NationalEnvelope")))))));
		post(openApi, "/api/exchange/v1/evaluations").ifPresent(op -> op.requestBody(new RequestBody().required(true)
			.content(json(new Schema<>().oneOf(List.of(ref("EvaluateRecord"), new ArraySchema().items(ref("EvaluateRecord")),
					ref("NationalEnvelope")))))));
		PathItem key = openApi.getPaths().get(PUBLIC_KEY);
		if (key != null && key.getGet() != null) {
			answer(key.getGet(), "200", "本平台公钥 our public key", ref("PublicKeyAnswer"));
		}
	}

	private static java.util.Optional<Operation> post(OpenAPI openApi, String path) {
		PathItem item = openApi.getPaths().get(path);
		return java.util.Optional.ofNullable(item == null ? null : item.getPost());
	}

	private static void answer(Operation op, String status, String description, Schema<?> schema) {
		if (op.getResponses() == null) {
			op.responses(new ApiResponses());
		}
		op.getResponses().addApiResponse(status, new ApiResponse().description(description).content(json(schema)));
	}

	private static Content json(Schema<?> schema) {
		return new Content().addMediaType("application/json", new MediaType().schema(schema));
	}

	private static Schema<?> ref(String name) {
		return new Schema<>().$ref("#/components/schemas/" + name);
	}
}
