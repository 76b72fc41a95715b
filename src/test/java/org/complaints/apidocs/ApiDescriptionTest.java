package org.complaints.apidocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.complaints.SharedApplication;
import org.complaints.security.StaffApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The served OpenAPI description agrees with the controllers: every operation under {@code /api/} the application
 * answers is described and nothing else is, each with a summary, a success answer and the errors its code can
 * give (from the handler itself: the staff API's 401 and 403, 404 for an addressed resource, 400 for a body, 413
 * for a complainant's post), each error as problem details with an {@code urn:complaints:problem:*} example, and
 * every parameter described and every field of every request body described with an example, and every field of
 * every answer's body (and of the objects within it) described. Both, the description and Swagger UI, are served
 * without signing in and from the application alone.
 */
@SharedApplication
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDescriptionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private JsonNode description;

    @BeforeAll
    void fetch() throws Exception {
        MvcResult answer = mvc.perform(get("/v3/api-docs")).andReturn();
        assertThat(answer.getResponse().getStatus())
                .as("the description without signing in")
                .isEqualTo(200);
        String json = answer.getResponse().getContentAsString(StandardCharsets.UTF_8);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "api-docs.json"), json);
        description = new ObjectMapper().readTree(json);
    }

    /** "POST /api/complaints" for each operation the controllers answer under /api/, with its handler. */
    private Map<String, HandlerMethod> operationsOfTheCode() {
        Map<String, HandlerMethod> operations = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            for (String path : entry.getKey().getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods =
                        entry.getKey().getMethodsCondition().getMethods();
                assertThat(methods).as(path + " names its HTTP method").isNotEmpty();
                methods.forEach(method -> operations.put(method + " " + path, entry.getValue()));
            }
        }
        return operations;
    }

    private Map<String, JsonNode> operationsOfTheDescription() {
        Map<String, JsonNode> operations = new TreeMap<>();
        description
                .path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue()
                        .fields()
                        .forEachRemaining(method -> operations.put(
                                method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), method.getValue())));
        return operations;
    }

    @Test
    void everyOperationOfTheCodeIsDescribedAndNoOther() {
        Set<String> code = operationsOfTheCode().keySet();
        assertThat(code)
                .as("operations under /api/")
                .contains("POST /api/complaints", "GET /api/staff/reports/summary");
        assertThat(operationsOfTheDescription().keySet())
                .as("operations in /v3/api-docs against the controllers' request mappings")
                .containsExactlyInAnyOrderElementsOf(code);
    }

    @Test
    void everyOperationNamesTheErrorsItsCodeCanGive() {
        Map<String, JsonNode> described = operationsOfTheDescription();
        List<String> missing = new ArrayList<>();
        operationsOfTheCode().forEach((operation, handler) -> {
            JsonNode op = described.get(operation);
            if (op == null) {
                missing.add(operation + ": not described");
                return;
            }
            if (op.path("summary").asText().isBlank()) {
                missing.add(operation + ": no summary");
            }
            Set<String> codes = new TreeSet<>();
            op.path("responses").fieldNames().forEachRemaining(codes::add);
            if (codes.stream().noneMatch(c -> c.startsWith("2"))) {
                missing.add(operation + ": no success answer");
            }
            for (String expected : expectedErrors(operation, handler)) {
                if (!codes.contains(expected)) {
                    missing.add(operation + ": no " + expected);
                }
            }
        });
        assertThat(missing)
                .as("operations whose description lacks what the code does")
                .isEmpty();
    }

    /** The errors the handler's code can give, read from the handler, not from the description. */
    private static Set<String> expectedErrors(String operation, HandlerMethod handler) {
        Set<String> errors = new TreeSet<>();
        if (AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), StaffApi.class)) {
            // StaffAccess.requireAnyGroup, on every staff operation
            errors.add("401");
            errors.add("403");
        }
        for (var parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(PathVariable.class)) {
                errors.add("404");
            }
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                errors.add("400");
            }
        }
        if (operation.startsWith("POST /api/complaints")) {
            // RequestSizeLimit refuses every complainant's post over the limit
            errors.add("413");
        }
        if (operation.equals("POST /api/complaints")) {
            // SubmissionRateLimiter, the idempotency register, the validator
            errors.addAll(List.of("400", "422", "429"));
        }
        return errors;
    }

    @Test
    void everyErrorIsProblemDetailsWithAnExampleOfItsType() {
        List<String> wrong = new ArrayList<>();
        operationsOfTheDescription()
                .forEach((operation, op) -> op.path("responses").fields().forEachRemaining(response -> {
                    int status = Integer.parseInt(response.getKey());
                    if (status < 400) {
                        return;
                    }
                    JsonNode answer = resolve(response.getValue());
                    JsonNode media = answer.path("content").path("application/problem+json");
                    if (media.isMissingNode()) {
                        wrong.add(operation + " " + status + ": not application/problem+json");
                        return;
                    }
                    if (!media.path("schema").path("$ref").asText().equals("#/components/schemas/Problem")) {
                        wrong.add(operation + " " + status + ": not the Problem schema");
                    }
                    if (media.path("examples").isEmpty()) {
                        wrong.add(operation + " " + status + ": no example");
                    }
                    media.path("examples").forEach(example -> {
                        JsonNode value = example.path("value");
                        if (!value.path("type").asText().startsWith("urn:complaints:problem:")
                                || value.path("status").asInt() != status
                                || value.path("title").asText().isBlank()
                                || value.path("detail").asText().isBlank()) {
                            wrong.add(operation + " " + status + ": example " + value);
                        }
                    });
                }));
        assertThat(wrong).as("error answers in the description").isEmpty();
    }

    @Test
    void everyRequestFieldIsDescribedWithAnExample() {
        List<String> undescribed = new ArrayList<>();
        operationsOfTheDescription().forEach((operation, op) -> {
            op.path("parameters").forEach(parameter -> {
                JsonNode resolved = resolve(parameter);
                if (resolved.path("description").asText().isBlank()) {
                    undescribed.add(
                            operation + " parameter " + resolved.path("name").asText() + ": no description");
                }
            });
            JsonNode content = op.path("requestBody").path("content");
            content.fields().forEachRemaining(media -> {
                Map<String, JsonNode> properties = new TreeMap<>();
                collectProperties(media.getValue().path("schema"), properties);
                properties.forEach((name, property) -> {
                    if (property.path("description").asText().isBlank()) {
                        undescribed.add(operation + " " + media.getKey() + " " + name + ": no description");
                    }
                    if (!property.has("example") && !property.path("items").has("format")) {
                        undescribed.add(operation + " " + media.getKey() + " " + name + ": no example");
                    }
                });
            });
        });
        assertThat(undescribed).as("request fields").isEmpty();
        JsonNode filing = operationsOfTheDescription()
                .get("POST /api/complaints")
                .path("requestBody")
                .path("content");
        assertThat(filing.has("application/json") && filing.has("multipart/form-data"))
                .as("filing takes JSON and a multipart form: " + filing)
                .isTrue();
        Map<String, JsonNode> multipart = new TreeMap<>();
        collectProperties(filing.path("multipart/form-data").path("schema"), multipart);
        assertThat(multipart).containsKeys("name", "email", "description", "consent", "attachments");
    }

    /**
     * Every field of every success answer's body, and of every object within it, has a description: on the field,
     * or for a field that only refers to another schema, on that schema. Nothing is a bare name a client must guess.
     */
    @Test
    void everyResponseFieldIsDescribed() {
        List<String> undescribed = new ArrayList<>();
        Set<String> visited = new TreeSet<>();
        int[] fields = {0};
        operationsOfTheDescription()
                .forEach((operation, op) -> op.path("responses").fields().forEachRemaining(response -> {
                    if (!response.getKey().startsWith("2")) {
                        return;
                    }
                    resolve(response.getValue())
                            .path("content")
                            .fields()
                            .forEachRemaining(media -> checkResponseSchema(
                                    operation + " " + response.getKey(),
                                    media.getValue().path("schema"),
                                    visited,
                                    undescribed,
                                    fields));
                }));
        assertThat(fields[0]).as("response fields checked").isGreaterThan(100);
        assertThat(undescribed).as("response fields without a description").isEmpty();
    }

    private void checkResponseSchema(
            String where, JsonNode schema, Set<String> visited, List<String> undescribed, int[] fields) {
        String ref = schema.path("$ref").asText();
        if (!ref.isEmpty() && !visited.add(ref)) {
            return;
        }
        String name = ref.isEmpty() ? where : ref.substring(ref.lastIndexOf('/') + 1);
        JsonNode resolved = resolve(schema);
        resolved.path("properties").fields().forEachRemaining(property -> {
            fields[0]++;
            JsonNode value = property.getValue();
            if (!described(value)) {
                undescribed.add(name + "." + property.getKey() + " (in " + where + ")");
            }
            checkResponseSchema(where, value, visited, undescribed, fields);
        });
        for (String nested : List.of("items", "additionalProperties")) {
            if (resolved.path(nested).isObject()) {
                checkResponseSchema(where, resolved.path(nested), visited, undescribed, fields);
            }
        }
        for (String combined : List.of("allOf", "oneOf", "anyOf")) {
            resolved.path(combined).forEach(part -> checkResponseSchema(where, part, visited, undescribed, fields));
        }
    }

    /** A description on the field itself, or on the schema a field that only refers to one refers to. */
    private boolean described(JsonNode property) {
        if (!property.path("description").asText().isBlank()) {
            return true;
        }
        if (property.has("$ref")) {
            return !resolve(property).path("description").asText().isBlank();
        }
        if (property.path("allOf").size() == 1) {
            return described(property.path("allOf").get(0));
        }
        return false;
    }

    private void collectProperties(JsonNode schema, Map<String, JsonNode> into) {
        JsonNode resolved = resolve(schema);
        resolved.path("properties").fields().forEachRemaining(p -> into.put(p.getKey(), resolve(p.getValue())));
        resolved.path("allOf").forEach(part -> collectProperties(part, into));
    }

    /** The node a {@code $ref} points to within the description, or the node itself. */
    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText();
        if (ref.isEmpty()) {
            return node;
        }
        JsonNode target = description;
        Iterator<String> parts = List.of(ref.substring(2).split("/")).iterator();
        while (parts.hasNext()) {
            target = target.path(parts.next());
        }
        assertThat(target.isMissingNode()).as(ref + " resolves").isFalse();
        return target;
    }

    @Test
    void theStaffApiIsDescribedWithItsSignIn() {
        assertThat(description
                        .at("/components/securitySchemes/" + ApiErrors.STAFF_SECURITY + "/scheme")
                        .asText())
                .isEqualTo("basic");
        assertThat(operationsOfTheDescription()
                        .get("GET /api/staff/reports/summary")
                        .path("security")
                        .toString())
                .contains(ApiErrors.STAFF_SECURITY);
        assertThat(operationsOfTheDescription()
                        .get("POST /api/complaints")
                        .path("security")
                        .isMissingNode())
                .as("the complainants' API needs no sign-in")
                .isTrue();
    }

    @Test
    void swaggerUiIsServedFromTheApplicationWithoutSigningIn() throws Exception {
        MvcResult page = mvc.perform(get("/swagger-ui/index.html")).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        String html = page.getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher assets = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
        List<String> found = new ArrayList<>();
        while (assets.find()) {
            found.add(assets.group(1));
        }
        assertThat(found).isNotEmpty().allSatisfy(asset -> assertThat(asset).doesNotContain("//"));
        for (String asset : found) {
            String path = asset.startsWith("/") ? asset : "/swagger-ui/" + asset.replaceFirst("^\\./", "");
            assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus())
                    .as(path)
                    .isEqualTo(200);
        }
        MvcResult config = mvc.perform(get("/v3/api-docs/swagger-config")).andReturn();
        assertThat(config.getResponse().getContentAsString()).contains("/v3/api-docs");
    }

    /** Every operation on a filed complaint takes the tracking token both ways, each described. */
    @Test
    void everyOperationOnAFiledComplaintNamesTheTokenHeaderAndQueryParameter() {
        Map<String, JsonNode> onAComplaint = new TreeMap<>(operationsOfTheDescription());
        onAComplaint.keySet().removeIf(operation -> !operation.contains(" /api/complaints/{reference}"));
        assertThat(onAComplaint).hasSizeGreaterThanOrEqualTo(5);
        onAComplaint.forEach((operation, op) -> {
            List<String> token = new ArrayList<>();
            op.path("parameters").forEach(parameter -> {
                if (!parameter.path("description").asText().isBlank()) {
                    token.add(parameter.path("in").asText() + " "
                            + parameter.path("name").asText());
                }
            });
            assertThat(token).as(operation).contains("header X-Tracking-Token", "query token");
        });
    }
}
