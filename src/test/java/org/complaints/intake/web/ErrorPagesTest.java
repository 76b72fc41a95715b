package org.complaints.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error answers no controller gave: a page with the status code and the visitor's wording (404, 405, 500,
 * the webapps' 403 refusal), problem details for {@code /api/**} and non-HTML clients, never an exception's text;
 * and every page template links the favicon.
 */
class ErrorPagesTest {

    private final ErrorPages pages = new ErrorPages(bundle());

    private static ResourceBundleMessageSource bundle() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    private static MockHttpServletRequest failed(String method, String path, int status, String accept) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, path);
        request.setAttribute(
                RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret detail jan@example.org"));
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        return request;
    }

    @Test
    void aFailureAnswersAPageWithStatus500InTheVisitorsLanguage() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("et"));
        Object answer = pages.error(
                failed("POST", "/complaints", 500, "text/html,application/xhtml+xml,*/*;q=0.8"),
                new MockHttpServletResponse());
        assertThat(answer).isInstanceOf(ModelAndView.class);
        ModelAndView page = (ModelAndView) answer;
        assertThat(page.getViewName()).isEqualTo("public/error");
        assertThat(page.getStatus()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(page.getModel())
                .containsEntry("lang", "et")
                .containsEntry("titleKey", "page.error.500.title")
                .doesNotContainKey("exception")
                .doesNotContainKey("trace");
        assertThat(page.getModel().get("languageLinks").toString())
                .as("after a failed post the language links lead home")
                .contains("/?lang=nl");
    }

    @Test
    void unknownAddressAndWrongMethodHaveTheirOwnStatusAndWording() {
        ModelAndView missing = (ModelAndView)
                pages.error(failed("GET", "/no-such-page", 404, "text/html"), new MockHttpServletResponse());
        assertThat(missing.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getModel()).containsEntry("titleKey", "page.error.404.title");
        assertThat(missing.getModel().get("languageLinks").toString()).contains("/no-such-page?lang=tr");
        ModelAndView wrongMethod =
                (ModelAndView) pages.error(failed("PUT", "/privacy", 405, "text/html"), new MockHttpServletResponse());
        assertThat(wrongMethod.getStatus()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(wrongMethod.getModel()).containsEntry("titleKey", "page.error.405.title");
        ModelAndView refused = (ModelAndView) pages.error(
                failed("GET", "/camunda/app/admin/default/", 403, "text/html"), new MockHttpServletResponse());
        assertThat(refused.getViewName()).isEqualTo("error/403");
        assertThat(refused.getModel()).containsEntry("path", "/camunda/app/admin/default/");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApisAndClientsWithoutHtmlGetProblemDetailsWithoutTheException() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("nl"));
        for (MockHttpServletRequest request : List.of(
                failed("GET", "/api/complaints/x/y", 500, "text/html"),
                failed("GET", "/complaints", 500, "application/json"),
                failed("GET", "/complaints", 500, null))) {
            Object answer = pages.error(request, new MockHttpServletResponse());
            assertThat(answer).isInstanceOf(ResponseEntity.class);
            ResponseEntity<ProblemDetail> problem = (ResponseEntity<ProblemDetail>) answer;
            assertThat(problem.getStatusCode().value()).isEqualTo(500);
            assertThat(problem.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(problem.getBody().getType()).hasToString("urn:complaints:problem:internal-error");
            assertThat(problem.getBody().getTitle()).isEqualTo("Er is iets misgegaan");
            assertThat(String.valueOf(problem.getBody()))
                    .doesNotContain("secret")
                    .doesNotContain("IllegalStateException");
        }
    }

    @Test
    void everyPageTemplateLinksTheFavicon() throws IOException {
        List<Path> pages;
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            pages = templates
                    .filter(p -> p.toString().endsWith(".html"))
                    .filter(p -> {
                        try {
                            String html = Files.readString(p);
                            return html.contains("<head>") || html.contains("<head th:fragment");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
        assertThat(pages).hasSizeGreaterThan(8);
        for (Path page : pages) {
            assertThat(Files.readString(page))
                    .as(page.toString())
                    .contains("<link rel=\"icon\" type=\"image/svg+xml\" th:href=\"@{/favicon.svg}\">");
        }
        assertThat(Files.readString(Path.of("src/main/resources/static/favicon.svg")))
                .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
    }
}
