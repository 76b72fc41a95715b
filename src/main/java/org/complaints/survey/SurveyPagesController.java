package org.complaints.survey;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.complaints.engine.InvalidInputException;
import org.complaints.intake.PublicFieldProblems;
import org.complaints.mail.MailFormats;
import org.complaints.mail.MailTemplates;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The survey page behind the e-mailed link, no account needed: three scores and a comment, in the complainant's
 * language unless they pick another. Refusals are pages too: unknown link 404, expired 410, already answered
 * 409; invalid answers show the form again with 400.
 *
 * <p>No CSRF token, as on the other public forms: the link's secret token in the path is the only credential,
 * and a page of another site cannot know it (no Referer leaves our pages, see PublicPageHeaders).
 */
@Controller
class SurveyPagesController {

    private static final List<String> SCORE_VALUES = List.of("1", "2", "3", "4", "5");

    private final SurveyAnswers answers;
    private final LocaleResolver locales;
    private final MessageSource bundle;
    private final MailFormats formats;

    SurveyPagesController(SurveyAnswers answers, LocaleResolver locales, MessageSource bundle, MailFormats formats) {
        this.answers = answers;
        this.locales = locales;
        this.bundle = bundle;
        this.formats = formats;
    }

    @GetMapping("/survey/{token}")
    String form(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        SurveyAnswers.OpenSurvey survey = answers.open(token);
        useSurveyLanguage(survey.language(), request, response);
        return showForm(model, request, token, survey, Map.of(), Map.of());
    }

    @PostMapping("/survey/{token}")
    String answer(
            @PathVariable String token,
            @RequestParam(required = false) String handlingScore,
            @RequestParam(required = false) String outcomeScore,
            @RequestParam(required = false) String easeScore,
            @RequestParam(required = false) String comment,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            SurveyAnswers.OpenSurvey survey = answers.answer(
                    token,
                    new SurveyAnswers.Answer(score(handlingScore), score(outcomeScore), score(easeScore), comment));
            useSurveyLanguage(survey.language(), request, response);
            common(model, request);
            return "public/survey-thanks";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            Map<String, String> values = new LinkedHashMap<>();
            values.put("handlingScore", handlingScore);
            values.put("outcomeScore", outcomeScore);
            values.put("easeScore", easeScore);
            values.put("comment", comment);
            SurveyAnswers.OpenSurvey survey = answers.open(token);
            return showForm(model, request, token, survey, values, fieldErrors(e));
        }
    }

    /** Not a number is as wrong as 7: both are "choose a score from 1 to 5". */
    private static Integer score(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private String showForm(
            Model model,
            HttpServletRequest request,
            String token,
            SurveyAnswers.OpenSurvey survey,
            Map<String, String> values,
            Map<String, String> errors) {
        common(model, request);
        model.addAttribute("token", token);
        model.addAttribute("reference", survey.reference());
        model.addAttribute("validUntil", date(survey.expiresAt()));
        model.addAttribute("questions", SurveyAnswers.SCORES);
        model.addAttribute("scores", SCORE_VALUES);
        model.addAttribute("form", values);
        model.addAttribute("errors", errors);
        model.addAttribute("maxComment", SurveyAnswers.MAX_COMMENT);
        return "public/survey";
    }

    @ExceptionHandler(SurveyRefusedException.class)
    String refused(SurveyRefusedException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (e.language() != null) {
            useSurveyLanguage(e.language(), request, response);
        }
        response.setStatus(e.httpStatus());
        common(model, request);
        model.addAttribute("reason", e.reason().name().toLowerCase(Locale.ROOT));
        model.addAttribute("when", e.when() == null ? "" : date(e.when()));
        return "public/survey-refused";
    }

    /**
     * The survey's language, unless the complainant chose one on the page ({@code ?lang=}, or the form's hidden
     * field, which the locale interceptor has applied already).
     */
    private void useSurveyLanguage(String language, HttpServletRequest request, HttpServletResponse response) {
        if (request.getParameter("lang") == null && MailTemplates.LANGUAGES.containsKey(language)) {
            locales.setLocale(request, response, MailTemplates.locale(language));
        }
    }

    private static void common(Model model, HttpServletRequest request) {
        String path = request.getRequestURI();
        Map<String, String> links = new LinkedHashMap<>();
        for (String language : List.of("en", "tr", "nl", "et")) {
            links.put(language, path + "?lang=" + language);
        }
        model.addAttribute("lang", language());
        model.addAttribute("languageLinks", links);
    }

    private static String language() {
        return LocaleContextHolder.getLocale().getLanguage();
    }

    /** In the page's language; a cookie may name a language we do not offer, its dates are English like its text. */
    private String date(java.time.Instant instant) {
        String language = language();
        return formats.date(instant, MailTemplates.LANGUAGES.containsKey(language) ? language : "en");
    }

    private Map<String, String> fieldErrors(InvalidInputException e) {
        return PublicFieldProblems.of(e, bundle, LocaleContextHolder.getLocale()).stream()
                .collect(Collectors.toMap(
                        p -> p.field() == null ? "" : p.field(),
                        PublicFieldProblems.FieldProblem::message,
                        (a, b) -> a + " " + b,
                        LinkedHashMap::new));
    }
}
