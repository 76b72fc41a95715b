package org.complaints.survey;

import static org.complaints.register.Jdbc.ts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.complaints.engine.InvalidInputException;
import org.complaints.engine.InvalidInputException.Problem;
import org.complaints.engine.Refusal;
import org.complaints.intake.TextHygiene;
import org.complaints.register.EventLog;
import org.complaints.register.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The complainant's side of the survey: opening the link and answering it, once (ISO 10002 8.3). The link's
 * token is the only credential, as the tracking token is for the status page.
 */
@Service
public class SurveyAnswers {

    public static final int MAX_COMMENT = 2000;
    static final List<String> SCORES = List.of("handlingScore", "outcomeScore", "easeScore");

    private final JdbcClient jdbc;
    private final EventLog events;
    private final Clock clock;

    public SurveyAnswers(JdbcClient jdbc, EventLog events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** A survey that can be answered now: the complaint's reference and the language to ask in. */
    public record OpenSurvey(long complaintId, String reference, String language, Instant expiresAt) {}

    /** The answers: each score 1 (worst) to 5 (best), the comment optional. */
    public record Answer(
            @Schema(description = "Satisfaction with how the complaint was handled, 1 to 5", example = "4")
            Integer handlingScore,

            @Schema(description = "Satisfaction with the outcome, 1 to 5", example = "3")
            Integer outcomeScore,

            @Schema(description = "How easy it was to complain, 1 to 5", example = "5")
            Integer easeScore,

            @Schema(description = "Optional, no personal details please", example = "Quick and friendly.")
            String comment) {}

    private record Found(OpenSurvey survey, Instant answeredAt) {}

    /** A complaint's survey as its evidence record shows it (8.3): status, dates and answers. */
    @Schema(description = "The complaint's satisfaction survey: status, dates and answers")
    public record SurveyOfComplaint(
            @Schema(description = "The invitation: PENDING, SENT, FAILED or CANCELLED", example = "SENT")
            String status,

            @Schema(description = "When the survey became due", example = "2026-03-20T09:00:00Z")
            Instant invitedAt,

            @Schema(description = "When the invitation went out", example = "2026-03-20T09:01:00Z")
            Instant sentAt,

            @Schema(description = "Until when it can be answered", example = "2026-04-03T09:00:00Z")
            Instant expiresAt,

            @Schema(description = "When it was answered", example = "2026-03-21T18:30:00Z")
            Instant answeredAt,

            @Schema(description = "Score for the handling, 1 to 5", example = "4")
            Integer handlingScore,

            @Schema(description = "Score for the outcome, 1 to 5", example = "3")
            Integer outcomeScore,

            @Schema(description = "Score for the ease of complaining, 1 to 5", example = "5")
            Integer easeScore,

            @Schema(description = "The complainant's comment, if any", example = "Quick and friendly.")
            String comment) {}

    /** The complaint's survey, if it was chosen for one. */
    @Transactional(readOnly = true)
    public Optional<SurveyOfComplaint> ofComplaint(long complaintId) {
        return jdbc.sql("""
                select status, invited_at, sent_at, expires_at, answered_at, handling_score, outcome_score,
                       ease_score, comment
                from cmp_survey where complaint_id = ?""")
                .param(complaintId)
                .query((rs, n) -> new SurveyOfComplaint(
                        rs.getString("status"),
                        Jdbc.instant(rs, "invited_at"),
                        Jdbc.instant(rs, "sent_at"),
                        Jdbc.instant(rs, "expires_at"),
                        Jdbc.instant(rs, "answered_at"),
                        Jdbc.integer(rs, "handling_score"),
                        Jdbc.integer(rs, "outcome_score"),
                        Jdbc.integer(rs, "ease_score"),
                        rs.getString("comment")))
                .optional();
    }

    /** @throws SurveyRefusedException if the link is unknown, expired or used */
    @Transactional(readOnly = true)
    public OpenSurvey open(String token) {
        Found found = find(token);
        if (found.answeredAt() != null) {
            throw new SurveyRefusedException(
                    SurveyRefusedException.Reason.ANSWERED, found.survey().language(), found.answeredAt());
        }
        if (!clock.instant().isBefore(found.survey().expiresAt())) {
            throw new SurveyRefusedException(
                    SurveyRefusedException.Reason.EXPIRED,
                    found.survey().language(),
                    found.survey().expiresAt());
        }
        return found.survey();
    }

    /**
     * Stores the answers and uses the link up. The link is checked before the answers, so a second attempt hears
     * that the survey was answered, not that a score is missing.
     *
     * @throws SurveyRefusedException if the link is unknown, expired or used (the first answers stay as they were)
     * @throws InvalidInputException  if a score is missing or not 1 to 5, or the comment is too long or unclean
     */
    @Transactional
    public OpenSurvey answer(String token, Answer answer) {
        OpenSurvey survey = open(token);
        String comment = validate(answer);
        Instant now = clock.instant();
        // answered_at is null in the condition: of two simultaneous answers only one is stored
        int stored = jdbc.sql("""
                update cmp_survey set answered_at = ?, handling_score = ?, outcome_score = ?, ease_score = ?, comment = ?
                where complaint_id = ? and answered_at is null""")
                .params(
                        ts(now),
                        answer.handlingScore(),
                        answer.outcomeScore(),
                        answer.easeScore(),
                        comment,
                        survey.complaintId())
                .update();
        if (stored == 0) {
            throw new SurveyRefusedException(SurveyRefusedException.Reason.ANSWERED, survey.language(), now);
        }
        // scores only: the comment is the complainant's own text and stays out of the event and audit logs
        events.append(
                survey.complaintId(),
                "SURVEY_ANSWERED",
                "complainant",
                "Satisfaction survey answered: handling "
                        + answer.handlingScore() + "/5, outcome " + answer.outcomeScore() + "/5, ease of complaining "
                        + answer.easeScore() + "/5" + (comment == null ? "" : ", with a comment"),
                null);
        return survey;
    }

    /** How answers received by staff came in: a paper reply by post, or read out on the phone. */
    public static final List<String> RECEIVED_BY = List.of("letter", "phone");

    /**
     * Answers that came back on paper (the invitation by post carries the questions) or by phone, recorded by a
     * member of staff with the same checks as the link's answers; they count in the results like any other. The
     * survey's validity period does not apply: post takes its time, and the reply was written within it.
     *
     * @throws Refusal 409 when no invitation was sent or the survey was answered (the first answers stay)
     * @throws InvalidInputException if a score is missing or not 1 to 5, the comment is too long or unclean, or
     *     {@code receivedBy} is not {@code letter} or {@code phone}
     */
    @Transactional
    public void recordReceived(long complaintId, String reference, Answer answer, String receivedBy, String staff) {
        Optional<Map<String, Object>> survey = jdbc
                .sql("select status, answered_at from cmp_survey where complaint_id = ? for update")
                .param(complaintId)
                .query()
                .listOfRows()
                .stream()
                .findFirst();
        if (survey.isEmpty() || !"SENT".equals(survey.get().get("status"))) {
            throw Refusal.conflict(
                    "survey-not-sent",
                    "No satisfaction survey was sent for complaint " + reference + ", so there are no answers to"
                            + " record.");
        }
        if (survey.get().get("answered_at") != null) {
            throw Refusal.conflict(
                    "survey-answered",
                    "The satisfaction survey of complaint " + reference + " was answered already; the first"
                            + " answers stay.");
        }
        List<Problem> problems = new ArrayList<>();
        String comment = null;
        try {
            comment = validate(answer == null ? new Answer(null, null, null, null) : answer);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (receivedBy == null || !RECEIVED_BY.contains(receivedBy)) {
            problems.add(Problem.of(
                    "receivedBy",
                    receivedBy == null ? "required-choice" : "not-one-of",
                    "how the answers came in is one of " + String.join(", ", RECEIVED_BY),
                    receivedBy == null ? String.join(", ", RECEIVED_BY) : receivedBy,
                    String.join(", ", RECEIVED_BY)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("""
                update cmp_survey set answered_at = ?, handling_score = ?, outcome_score = ?, ease_score = ?, comment = ?,
                    answered_by = ?, answer_channel = ?
                where complaint_id = ? and answered_at is null""")
                .params(
                        ts(clock.instant()),
                        answer.handlingScore(),
                        answer.outcomeScore(),
                        answer.easeScore(),
                        comment,
                        staff,
                        receivedBy,
                        complaintId)
                .update();
        // scores only, as for answers through the link: the comment stays out of the event and audit logs
        events.append(
                complaintId,
                "SURVEY_ANSWERED",
                staff,
                "Satisfaction survey answered (received by " + receivedBy + ", recorded by " + staff + "): handling "
                        + answer.handlingScore() + "/5, outcome " + answer.outcomeScore() + "/5, ease of complaining "
                        + answer.easeScore() + "/5" + (comment == null ? "" : ", with a comment"),
                null);
    }

    private Found find(String token) {
        if (!SurveyTokens.wellFormed(token)) {
            throw new SurveyRefusedException(SurveyRefusedException.Reason.UNKNOWN, null, null);
        }
        return jdbc.sql("""
                select s.complaint_id, s.language, s.answered_at, t.expires_at, c.reference
                from cmp_survey_token t
                join cmp_survey s on s.complaint_id = t.complaint_id
                join cmp_complaint c on c.id = t.complaint_id
                where t.token_hash = ?""")
                .param(SurveyTokens.hash(token))
                .query((rs, n) -> new Found(
                        new OpenSurvey(
                                rs.getLong("complaint_id"),
                                rs.getString("reference"),
                                rs.getString("language"),
                                rs.getObject("expires_at", OffsetDateTime.class).toInstant()),
                        rs.getObject("answered_at", OffsetDateTime.class) == null
                                ? null
                                : rs.getObject("answered_at", OffsetDateTime.class)
                                        .toInstant()))
                .optional()
                .orElseThrow(() -> new SurveyRefusedException(SurveyRefusedException.Reason.UNKNOWN, null, null));
    }

    /** @return the comment as stored (normalised, null when empty) */
    private static String validate(Answer answer) {
        List<Problem> problems = new ArrayList<>();
        Integer[] scores = {answer.handlingScore(), answer.outcomeScore(), answer.easeScore()};
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] == null || scores[i] < 1 || scores[i] > 5) {
                problems.add(Problem.of(SCORES.get(i), "score", "choose a score from 1 to 5"));
            }
        }
        String comment = TextHygiene.normalize(answer.comment());
        if (comment != null && comment.isEmpty()) {
            comment = null;
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            problems.add(Problem.of(
                    "comment", "too-long", "at most " + MAX_COMMENT + " characters", MAX_COMMENT, comment.length()));
        } else if (comment != null && !TextHygiene.isClean(comment, true)) {
            problems.add(Problem.of("comment", "invalid-characters", "control or text-direction characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return comment;
    }
}
