package org.complaints.survey;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.Map;

/**
 * Survey results over the invitations of a period (see {@link SurveyResults#satisfaction}); no names, no
 * references, no comments. Means and rates are rounded (2 and 3 decimals) and null where nothing was answered
 * or sent.
 *
 * @param from             first day of the period (organisation's time zone)
 * @param to               last day of the period, included
 * @param invited          complaints closed in the period and chosen for the survey
 * @param sent             invitations delivered to the complainant's mail server
 * @param pending          invitations not sent yet (waiting for their delay or for a retry)
 * @param failed           invitations that could not be delivered within their validity period
 * @param cancelled        invitations withdrawn before sending because the complainant's data were erased
 * @param answered         surveys answered
 * @param responseRate     answered / sent, 0 to 1
 * @param handling         satisfaction with how the complaint was handled (1 very dissatisfied - 5 very satisfied)
 * @param outcome          satisfaction with the outcome (1 - 5)
 * @param ease             ease of complaining (1 very difficult - 5 very easy)
 * @param byOutcome        per decision outcome of the complaint (upheld, partly-upheld, not-upheld; "(none)" when
 *                         it closed without a decision, e.g. withdrawn)
 * @param byClosureReason  per closure reason (ACCEPTED, NO_REACTION, EXTERNAL_OUTCOME, OUT_OF_SCOPE, WITHDRAWN)
 */
@Schema(description = "The satisfaction survey's figures for the period (ISO 10002 8.3)")
public record SatisfactionReport(
        @Schema(description = "First day of the period", example = "2026-01-01")
        LocalDate from,

        @Schema(description = "Last day of the period", example = "2026-03-31")
        LocalDate to,

        @Schema(description = "Surveys due for complaints closed in the period", example = "100")
        long invited,

        @Schema(description = "Invitations sent", example = "95")
        long sent,

        @Schema(description = "Invitations not sent yet", example = "3")
        long pending,

        @Schema(description = "Invitations that could not be sent", example = "1")
        long failed,

        @Schema(description = "Invitations cancelled (e.g. anonymised)", example = "1")
        long cancelled,

        @Schema(description = "Surveys answered", example = "40")
        long answered,

        @Schema(description = "Answered of sent, 0 to 1", example = "0.42")
        Double responseRate,

        @Schema(description = "Scores for how the complaint was handled")
        Score handling,

        @Schema(description = "Scores for the outcome") Score outcome,

        @Schema(description = "Scores for how easy it was to complain")
        Score ease,

        @Schema(description = "The figures per decision outcome")
        Map<String, Group> byOutcome,

        @Schema(description = "The figures per closure reason")
        Map<String, Group> byClosureReason) {

    /**
     * One question's answers.
     *
     * @param answers      how many answered it
     * @param mean         mean score
     * @param distribution answers per score, keys 1 to 5 always present
     */
    @Schema(description = "The answers to one question of the survey")
    public record Score(
            @Schema(description = "How many answered this question", example = "40")
            long answers,

            @Schema(description = "The mean score, 1 to 5", example = "3.9")
            Double mean,

            @Schema(
                    description = "How many gave each score",
                    example = "{\"1\": 2, \"2\": 3, \"3\": 8, \"4\": 15, \"5\": 12}")
            Map<Integer, Long> distribution) {}

    /** The figures of one outcome or closure reason. */
    public record Group(
            @Schema(description = "Surveys due", example = "50")
            long invited,

            @Schema(description = "Invitations sent", example = "48")
            long sent,

            @Schema(description = "Surveys answered", example = "20")
            long answered,

            @Schema(description = "Answered of sent, 0 to 1", example = "0.42")
            Double responseRate,

            @Schema(description = "Mean score for the handling", example = "4.1")
            Double handlingMean,

            @Schema(description = "Mean score for the outcome", example = "3.7")
            Double outcomeMean,

            @Schema(description = "Mean score for the ease", example = "4.3")
            Double easeMean) {}
}
