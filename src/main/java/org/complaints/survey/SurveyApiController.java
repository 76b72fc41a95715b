package org.complaints.survey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.complaints.apidocs.ApiErrors;
import org.complaints.engine.InvalidInputException;
import org.complaints.intake.PublicFieldProblems;
import org.complaints.mail.MailFormats;
import org.complaints.mail.MailTemplates;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The survey for clients of the complainant API: {@code GET} tells whether the link can be used, {@code POST}
 * answers it with {@code {"handlingScore": 1-5, "outcomeScore": 1-5, "easeScore": 1-5, "comment": "..."}}.
 * Refusals and field problems are RFC 9457 problem details in the language of Accept-Language, with the same
 * statuses as the page: 404 unknown, 410 expired, 409 answered, 400 invalid.
 */
@RestController
@Tag(name = "survey")
class SurveyApiController {

    private final SurveyAnswers answers;
    private final MessageSource messages;
    private final MailFormats formats;

    SurveyApiController(SurveyAnswers answers, MessageSource messages, MailFormats formats) {
        this.answers = answers;
        this.messages = messages;
        this.formats = formats;
    }

    /** An open survey: whose it is, its language, until when it can be answered and the scores it asks for. */
    record SurveyView(
            @Schema(description = "The complaint's reference", example = "CMP-2026-000042")
            String reference,

            @Schema(description = "The language the questions are in", example = "nl")
            String language,

            @Schema(description = "Until when the survey can be answered", example = "2026-04-05T09:00:00Z")
            String expiresAt,

            @Schema(
                    description = "The questions, in the complainant's language",
                    example = "[\"How satisfied are you with how we handled your complaint?\"]")
            List<String> questions) {}

    /** A survey answered. */
    record Answered(
            @Schema(description = "The complaint's reference", example = "CMP-2026-000042")
            String reference,

            @Schema(description = "True: the answers were recorded", example = "true")
            boolean answered) {}

    @GetMapping("/api/surveys/{token}")
    @Operation(summary = "An open survey")
    @ApiResponse(responseCode = "200", description = "The questions")
    @ApiResponse(responseCode = "404", ref = ApiErrors.SURVEY_UNKNOWN)
    @ApiResponse(responseCode = "409", ref = ApiErrors.SURVEY_ANSWERED)
    @ApiResponse(responseCode = "410", ref = ApiErrors.SURVEY_EXPIRED)
    SurveyView survey(
            @Parameter(description = "The token from the link in the survey e-mail") @PathVariable String token) {
        SurveyAnswers.OpenSurvey survey = answers.open(token);
        return new SurveyView(
                survey.reference(), survey.language(), survey.expiresAt().toString(), SurveyAnswers.SCORES);
    }

    @PostMapping("/api/surveys/{token}")
    @Operation(summary = "Answer the survey")
    @ApiResponse(responseCode = "200", description = "Recorded")
    @ApiResponse(responseCode = "400", ref = ApiErrors.INVALID)
    @ApiResponse(responseCode = "404", ref = ApiErrors.SURVEY_UNKNOWN)
    @ApiResponse(responseCode = "409", ref = ApiErrors.SURVEY_ANSWERED)
    @ApiResponse(responseCode = "410", ref = ApiErrors.SURVEY_EXPIRED)
    Answered answer(
            @Parameter(description = "The token from the link in the survey e-mail") @PathVariable String token,
            @RequestBody(required = false) SurveyAnswers.Answer answer) {
        SurveyAnswers.OpenSurvey survey =
                answers.answer(token, answer == null ? new SurveyAnswers.Answer(null, null, null, null) : answer);
        return new Answered(survey.reference(), true);
    }

    @ExceptionHandler(SurveyRefusedException.class)
    ResponseEntity<ProblemDetail> refused(SurveyRefusedException e, HttpServletRequest request) {
        String key = "page.survey.refused." + e.reason().name().toLowerCase(Locale.ROOT);
        String language = locale().getLanguage();
        Object[] when = {
            e.when() == null
                    ? ""
                    : formats.date(e.when(), MailTemplates.LANGUAGES.containsKey(language) ? language : "en")
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.valueOf(e.httpStatus()), messages.getMessage(key + ".detail", when, locale()));
        problem.setTitle(messages.getMessage(key + ".title", null, locale()));
        problem.setType(
                URI.create("urn:complaints:problem:survey-" + e.reason().name().toLowerCase(Locale.ROOT)));
        problem.setInstance(URI.create(request.getRequestURI()));
        return respond(problem);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid", request);
        problem.setProperty("errors", PublicFieldProblems.of(e, messages, locale()));
        return respond(problem);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<ProblemDetail> unreadable(HttpServletRequest request) {
        return respond(problem(HttpStatus.BAD_REQUEST, "unreadable", request));
    }

    private ProblemDetail problem(HttpStatus status, String kind, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status, messages.getMessage("problem." + kind + ".detail", null, locale()));
        problem.setTitle(messages.getMessage("problem." + kind + ".title", null, locale()));
        problem.setType(URI.create("urn:complaints:problem:" + kind));
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
