package io.taskgate.web;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The refusals every operation may answer, in the OpenAPI document: the handlers never declare
 * them (they are thrown as {@link ApiProblem}s and written by {@link ProblemJson}), so without
 * this a client generated from the document would know only the happy path. Which statuses an
 * operation lists follows PRODUCT.md's conventions from what the operation is: credentials asked,
 * a workspace in its path, a body or parameters to validate, a version to match.
 */
@Configuration(proxyBeanMethods = false)
class ProblemsInApiDocument {

    static final String PROBLEM = "Problem";

    @Bean
    OpenApiCustomizer refusalsOfEveryOperation() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> describe(path, method, operation)));
        };
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        if (!path.startsWith("/api/v1/")) {
            return;
        }
        ApiResponses responses = operation.getResponses();
        boolean anonymous = path.equals("/api/v1/auth/signup") || path.equals("/api/v1/auth/login");
        boolean validates = operation.getRequestBody() != null
                || (operation.getParameters() != null && operation.getParameters().stream()
                        .anyMatch(parameter -> "query".equals(parameter.getIn())));
        boolean writes = method != PathItem.HttpMethod.GET;
        if (operation.getRequestBody() != null) {
            add(responses, "400", "The body is not JSON, or a value has the wrong JSON type");
            add(responses, "415", "The body is not JSON");
        }
        if (!anonymous) {
            add(responses, "401", "Credentials missing, unknown, expired or revoked");
        }
        if (path.startsWith("/api/v1/workspaces/{")) {
            add(responses, "403", "The caller sees the resource but may not act: `requiredPermission` and"
                    + " `remedies` say what would allow it");
            add(responses, "404", "Missing, or not visible to the caller; for an id in the body, `errors` names"
                    + " the field");
        }
        if (writes) {
            add(responses, "409", "A conflict with the current state (`code` says which)");
        }
        // Versions are of workspace resources: ending one's sessions matches none.
        if (path.startsWith("/api/v1/workspaces/{") && (method == PathItem.HttpMethod.PATCH
                || method == PathItem.HttpMethod.DELETE || method == PathItem.HttpMethod.PUT)) {
            add(responses, "412", "`If-Match` names a version that is no longer current");
        }
        if (validates || writes) {
            add(responses, "422", "Well-formed but invalid: `errors` lists each field and what is wrong");
        }
        add(responses, "429", "Rate limited: retry after `Retry-After` seconds");
    }

    private static void add(ApiResponses responses, String status, String description) {
        if (responses.containsKey(status)) {
            return;
        }
        responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                .addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the field, as `lists[2].id` or `title`"))
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details, with a machine `code`")
                .properties(Map.of(
                        "type", new StringSchema(),
                        "title", new StringSchema(),
                        "status", new IntegerSchema(),
                        "detail", new StringSchema(),
                        "code", new StringSchema().description("machine-readable, e.g. `forbidden`,"
                                + " `validation_failed`, `precondition_failed`"),
                        "errors", new ArraySchema().items(fieldError),
                        "requiredPermission", new StringSchema().description("on a 403: what is lacking"),
                        "remedies", new ArraySchema().items(new ObjectSchema())
                                .description("on a 403: changes that would allow the request"),
                        "correlationId", new StringSchema().description("on a 500: the request's X-Request-Id")));
    }
}
