package org.complaints.intake.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What an unknown address or a failure answers when no controller answered it: for people a page in their
 * language (the chosen one, else Accept-Language) with a link home and the right status code; for the APIs
 * ({@code /api/**}) and any client that does not ask for HTML, RFC 9457 problem details. Never a stack trace or
 * an exception's message, which could show internals or personal data. Replaces Spring Boot's "Whitelabel" page.
 */
@Controller
class ErrorPages implements ErrorController {

    private final MessageSource messages;

    ErrorPages(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = status(request);
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : "/";
        if (path.startsWith("/api/") || !acceptsHtml(request)) {
            return problem(status, path);
        }
        Locale locale = LocaleContextHolder.getLocale();
        if (status == HttpStatus.FORBIDDEN) {
            // the Camunda webapps' refusal of a user outside the application's groups
            ModelAndView refused = new ModelAndView("error/403", status);
            refused.addObject("path", path);
            return refused;
        }
        ModelAndView page = new ModelAndView("public/error", status);
        String kind = kind(status);
        page.addObject("lang", locale.getLanguage());
        page.addObject("status", status.value());
        page.addObject("titleKey", "page.error." + kind + ".title");
        page.addObject("detailKey", "page.error." + kind + ".detail");
        page.addObject("languageLinks", languageLinks(request, path, status));
        return page;
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String path) {
        Locale locale = LocaleContextHolder.getLocale();
        String kind = kind(status);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status, messages.getMessage("page.error." + kind + ".detail", null, locale));
        problem.setTitle(messages.getMessage("page.error." + kind + ".title", null, locale));
        problem.setType(URI.create("urn:complaints:problem:" + problemType(status)));
        problem.setInstance(URI.create(path.replaceAll("[^A-Za-z0-9/._~-]", "")));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String kind(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "404";
            case METHOD_NOT_ALLOWED -> "405";
            default -> status.is5xxServerError() ? "500" : "other";
        };
    }

    private static String problemType(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "no-such-address";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            default -> status.is5xxServerError() ? "internal-error" : "request-refused";
        };
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.includes(MediaType.TEXT_HTML) && !type.isWildcardType());
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** The same address in each language for a page someone asked for; the home page after a refused post. */
    private static Map<String, String> languageLinks(HttpServletRequest request, String path, HttpStatus status) {
        boolean get = "GET".equals(request.getMethod())
                && status == HttpStatus.NOT_FOUND
                && path.matches("[A-Za-z0-9/._~-]*");
        String target = get ? path : "/";
        Map<String, String> links = new java.util.LinkedHashMap<>();
        for (String language : List.of("en", "tr", "nl", "et")) {
            links.put(language, target + "?lang=" + language);
        }
        return links;
    }
}
