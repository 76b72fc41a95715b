package org.complaints.survey;

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
public record SatisfactionReport(
        LocalDate from,
        LocalDate to,
        long invited,
        long sent,
        long pending,
        long failed,
        long cancelled,
        long answered,
        Double responseRate,
        Score handling,
        Score outcome,
        Score ease,
        Map<String, Group> byOutcome,
        Map<String, Group> byClosureReason) {

    /**
     * One question's answers.
     *
     * @param answers      how many answered it
     * @param mean         mean score
     * @param distribution answers per score, keys 1 to 5 always present
     */
    public record Score(long answers, Double mean, Map<Integer, Long> distribution) {}

    /** The figures of one outcome or closure reason. */
    public record Group(
            long invited,
            long sent,
            long answered,
            Double responseRate,
            Double handlingMean,
            Double outcomeMean,
            Double easeMean) {}
}
