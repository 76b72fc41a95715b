package org.complaints.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Adds to the generated description what the code does not say by itself: the title, the staff API's HTTP Basic
 * scheme, the problem-details schema and each shared error answer ({@link ApiErrors}) with its problem types and
 * an example in English (the API answers in the requested language, {@code Accept-Language}). The wording of the
 * examples is the bundles' own, so the description shows what a client really gets.
 */
@Component
class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";

    private final MessageSource messages;

    ProblemResponses(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void customise(OpenAPI api) {
        api.info(new Info()
                .title("Complaint handling API")
                .version("1")
                .description("The complainants' API (file a complaint, follow it with the tracking token, add "
                        + "information, answer the decision, withdraw; the satisfaction survey) and the staff API "
                        + "(HTTP Basic with a staff account). Errors are RFC 9457 problem details "
                        + "(application/problem+json); on the complainants' API in the requested language "
                        + "(Accept-Language: en, tr, nl, et)."));
        api.tags(List.of(
                new Tag().name("complainants").description("No account: the reference and the tracking token"),
                new Tag().name("survey").description("The satisfaction survey, with the link from its e-mail"),
                new Tag().name("staff").description("Signed in with HTTP Basic as a member of staff")));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components);
        components.addSecuritySchemes(
                ApiErrors.STAFF_SECURITY,
                new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description("A staff user of the process engine (the same accounts as Tasklist)"));
        components.addSchemas("Problem", problemSchema());
        components.addSchemas("FieldProblem", fieldProblemSchema());

        add(components, "Invalid", "Invalid input", 400, Map.of("invalid", true, "unreadable", false), null);
        add(components, "NotFound", "Unknown reference or wrong tracking token", 404, Map.of("not-found", false), null);
        Map<String, Boolean> notPossible = new LinkedHashMap<>();
        notPossible.put("try-again", false);
        notPossible.put("closed", false);
        notPossible.put("already-answered", false);
        add(
                components,
                "NotPossible",
                "Not possible now (with Retry-After: try again), the complaint is closed, or the decision was "
                        + "already answered",
                409,
                notPossible,
                "Seconds to wait before trying again (only with urn:complaints:problem:try-again)");
        add(
                components,
                "TooLarge",
                "The request or its attachments are too large",
                413,
                Map.of("too-large", false),
                null);
        add(
                components,
                "IdempotencyKeyReused",
                "The Idempotency-Key was used before for a different complaint",
                422,
                Map.of("idempotency-key-reused", false),
                null);
        add(
                components,
                "TooMany",
                "Too many complaints from this address this minute",
                429,
                Map.of("too-many", false),
                "Seconds to wait before sending again");
        survey(components, "SurveyUnknown", "unknown", 404);
        survey(components, "SurveyAnswered", "answered", 409);
        survey(components, "SurveyExpired", "expired", 410);

        staff(components, "StaffInvalid", 400, "invalid", "Bad input", "from: '2026-13-01' is not a date (YYYY-MM-DD)");
        staff(components, "Unauthorized", 401, "unauthorized", "Unauthorized", "Sign in with a staff account")
                .addHeaderObject(
                        "WWW-Authenticate",
                        new Header().description("Basic realm=\"complaints\"").schema(new StringSchema()));
        staff(
                components,
                "Forbidden",
                403,
                "forbidden",
                "Forbidden",
                "This needs membership of one of the groups complaint-managers, camunda-admin");
        staff(components, "StaffNotFound", 404, "not-found", "Not Found", "No complaint CMP-2026-000042.");
        staff(
                components,
                "StaffConflict",
                409,
                "conflict",
                "Conflict",
                "Someone else changed this at the same moment; nothing of yours was saved. Please look again.");
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri").description("urn:complaints:problem:<kind>"))
                .addProperty("title", new StringSchema().description("Short, in the requested language"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What to do, in the requested language"))
                .addProperty("instance", new StringSchema().format("uri").description("The request's path"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .items(new Schema<>().$ref("#/components/schemas/FieldProblem"))
                                .description("Invalid input only: one entry per field problem"));
    }

    private static Schema<?> fieldProblemSchema() {
        return new ObjectSchema()
                .addProperty("field", new StringSchema().description("The request field, e.g. email"))
                .addProperty("message", new StringSchema().description("What is wrong, in the requested language"));
    }

    /** A complainants' error with one example per problem kind; {@code true} marks kinds listing field errors. */
    private void add(
            Components components,
            String name,
            String description,
            int status,
            Map<String, Boolean> kinds,
            String retryAfter) {
        MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"));
        kinds.forEach((kind, withErrors) -> {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", "urn:complaints:problem:" + kind);
            example.put("title", text("problem." + kind + ".title"));
            example.put("status", status);
            example.put("detail", text("problem." + kind + ".detail"));
            example.put("instance", "/api/complaints/CMP-2026-000042");
            if (withErrors) {
                example.put(
                        "errors",
                        List.of(Map.of(
                                "field",
                                "email",
                                "message",
                                text("field.email") + ": " + "'jan@' is not an e-mail address")));
            }
            media.addExamples(
                    kind,
                    new Example().summary("urn:complaints:problem:" + kind).value(example));
        });
        ApiResponse response =
                new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON, media));
        if (retryAfter != null) {
            response.addHeaderObject(
                    "Retry-After", new Header().description(retryAfter).schema(new IntegerSchema()));
        }
        components.addResponses(name, response);
    }

    private void survey(Components components, String name, String reason, int status) {
        String key = "page.survey.refused." + reason;
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "urn:complaints:problem:survey-" + reason);
        example.put("title", text(key + ".title"));
        example.put("status", status);
        example.put("detail", messages.getMessage(key + ".detail", new Object[] {"1 March 2027"}, Locale.ENGLISH));
        example.put("instance", "/api/surveys/3bGx0e9uS0cQ1nqXwY6dPqk1oZ2cH4vT5mW7aR8sJ9L");
        components.addResponses(
                name,
                new ApiResponse()
                        .description(text(key + ".title"))
                        .content(new Content()
                                .addMediaType(
                                        PROBLEM_JSON,
                                        new MediaType()
                                                .schema(new Schema<>().$ref("#/components/schemas/Problem"))
                                                .addExamples(
                                                        "survey-" + reason,
                                                        new Example()
                                                                .summary("urn:complaints:problem:survey-" + reason)
                                                                .value(example)))));
    }

    private static ApiResponse staff(
            Components components, String name, int status, String kind, String title, String detail) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "urn:complaints:problem:" + kind);
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        ApiResponse response = new ApiResponse()
                .description(title + " (the reason in detail, in English)")
                .content(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType()
                                        .schema(new Schema<>().$ref("#/components/schemas/Problem"))
                                        .addExamples(
                                                kind,
                                                new Example()
                                                        .summary("urn:complaints:problem:" + kind)
                                                        .value(example))));
        components.addResponses(name, response);
        return response;
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.ENGLISH);
    }
}
