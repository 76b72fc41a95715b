package org.complaints.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.complaints.register.Jdbc.ts;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.complaints.SharedApplication;
import org.complaints.improvement.CorrectiveActionFigures;
import org.complaints.security.StaffGroups;
import org.complaints.survey.SatisfactionReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Satisfaction (8.3) and corrective actions (8.7) in the performance report, the management review's input and
 * the evidence record, against surveys and actions seeded in 2018 whose right figures this test counts itself. The
 * periods read lie in 2018, where no other test of the shared application puts complaints.
 */
@SharedApplication
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearningFiguresTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final LocalDate FROM = LocalDate.of(2018, 4, 1);
    private static final LocalDate TO = LocalDate.of(2018, 9, 30);
    private static final Instant START = FROM.atStartOfDay(ZONE).toInstant();
    private static final Instant END = TO.plusDays(1).atStartOfDay(ZONE).toInstant();

    @Autowired
    PerformanceReports reports;

    @Autowired
    EvidenceRecords evidence;

    @Autowired
    JdbcTemplate jdbc;

    private record Survey(
            Instant invitedAt,
            String status,
            Integer handling,
            Integer outcome,
            Integer ease,
            String complaintOutcome) {}

    private record Action(
            String reference, String trigger, String status, Instant openedAt, Instant closedAt, Instant dueDate) {}

    private final List<Survey> surveys = new ArrayList<>();
    private final List<Action> actions = new ArrayList<>();
    private final List<Instant> checks = new ArrayList<>();
    private final List<Boolean> checkEffective = new ArrayList<>();
    private String linkedComplaint;

    @BeforeAll
    void seed() {
        List<SeededComplaint> complaints = SeededComplaint.random(
                7,
                400,
                LocalDate.of(2018, 1, 1).atStartOfDay(ZONE).toInstant(),
                LocalDate.of(2018, 12, 1).atStartOfDay(ZONE).toInstant(),
                "CMP-2018-",
                true);
        SeededComplaint.insert(jdbc, complaints);
        Random random = new Random(11);
        List<String> statuses = List.of("SENT", "SENT", "SENT", "SENT", "PENDING", "FAILED", "CANCELLED");
        for (SeededComplaint complaint : complaints) {
            if (random.nextInt(10) < 6) {
                String status = statuses.get(random.nextInt(statuses.size()));
                boolean answered = status.equals("SENT") && random.nextBoolean();
                Survey survey = new Survey(
                        complaint.closedAt(),
                        status,
                        answered ? 1 + random.nextInt(5) : null,
                        answered ? 1 + random.nextInt(5) : null,
                        answered ? 1 + random.nextInt(5) : null,
                        complaint.outcome());
                surveys.add(survey);
                jdbc.update(
                        """
                        insert into cmp_survey (complaint_id, language, invited_at, status, next_attempt_at, sent_at,
                            expires_at, answered_at, handling_score, outcome_score, ease_score, comment)
                        values ((select id from cmp_complaint where reference = ?), 'en', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        complaint.reference(),
                        ts(survey.invitedAt()),
                        status,
                        ts(survey.invitedAt()),
                        status.equals("SENT") ? ts(survey.invitedAt()) : null,
                        ts(survey.invitedAt().plus(Duration.ofDays(30))),
                        answered ? ts(survey.invitedAt().plus(Duration.ofDays(2))) : null,
                        survey.handling(),
                        survey.outcome(),
                        survey.ease(),
                        answered ? "Seeded comment" : null);
                if (answered && linkedComplaint == null && !complaint.closedAt().isBefore(START)) {
                    linkedComplaint = complaint.reference();
                }
            }
        }

        // corrective actions opened before, in and after the period, in every status
        String[][] seeds = {
            {"THRESHOLD", "CLOSED", "2018-02-10", "2018-05-20"},
            {"SYSTEMIC_FINDING", "CLOSED", "2018-04-03", "2018-06-01"},
            {"SYSTEMIC_FINDING", "CLOSED", "2018-05-15", "2018-08-30"},
            {"MANUAL", "CLOSED", "2018-06-01", "2018-10-15"},
            {"THRESHOLD", "CANCELLED", "2018-07-01", "2018-07-10"},
            {"THRESHOLD", "ANALYSIS", "2018-07-02", null},
            {"SYSTEMIC_FINDING", "PLANNING", "2018-08-02", null},
            {"SYSTEMIC_FINDING", "IMPLEMENTING", "2018-09-02", null},
            {"MANUAL", "IMPLEMENTING", "2018-09-29", null},
            {"THRESHOLD", "MONITORING", "2018-11-02", null}
        };
        for (int i = 0; i < seeds.length; i++) {
            String[] s = seeds[i];
            Instant opened = LocalDate.parse(s[2]).atTime(10, 0).atZone(ZONE).toInstant();
            Instant closed = s[3] == null
                    ? null
                    : LocalDate.parse(s[3]).atTime(16, 0).atZone(ZONE).toInstant();
            // one implementing action is overdue (due in 2018), the other is not (due far ahead)
            Instant due = s[1].equals("IMPLEMENTING")
                    ? (i == 7 ? opened.plus(Duration.ofDays(20)) : Instant.parse("2099-01-01T00:00:00Z"))
                    : null;
            Action action = new Action(String.format("CAPA-2018-T%03d", i), s[0], s[1], opened, closed, due);
            actions.add(action);
            jdbc.update(
                    """
                    insert into cmp_corrective_action (reference, trigger_type, subject_key, category, opening_reason,
                        status, action_owner, due_date, opened_at, opened_by, closed_at)
                    values (?, ?, ?, 'billing', 'Seeded for the figures test', ?, 'handler', ?, ?, 'system', ?)""",
                    action.reference(),
                    action.trigger(),
                    "category:seed-" + i,
                    action.status(),
                    ts(due),
                    ts(opened),
                    ts(closed));
            // an effectiveness check a week before closure, and one found not effective a month after opening
            long id = jdbc.queryForObject(
                    "select id from cmp_corrective_action where reference = ?", Long.class, action.reference());
            if (closed != null && s[1].equals("CLOSED")) {
                check(id, closed.minus(Duration.ofDays(7)), true);
            }
            if (i % 2 == 1) {
                check(id, opened.plus(Duration.ofDays(30)), false);
            }
        }
        long complaintId =
                jdbc.queryForObject("select id from cmp_complaint where reference = ?", Long.class, linkedComplaint);
        jdbc.update("""
                insert into cmp_corrective_action_complaint (action_id, complaint_id, linked_at, linked_by, link_reason)
                values ((select id from cmp_corrective_action where reference = 'CAPA-2018-T001'), ?, ?, 'handler',
                    'SYSTEMIC_FINDING')""", complaintId, ts(START));
    }

    private void check(long actionId, Instant at, boolean effective) {
        checks.add(at);
        checkEffective.add(effective);
        jdbc.update(
                """
                insert into cmp_corrective_action_event (action_id, occurred_at, event_type, actor, summary)
                values (?, ?, 'CHECKED', 'quality', ?)""",
                actionId,
                ts(at),
                effective ? "Round 1: effective" : "Round 1: not effective, back to the action plan");
    }

    @Test
    void satisfactionCoversTheSurveysOfComplaintsClosedInThePeriod() {
        SatisfactionReport satisfaction = report().satisfaction();
        List<Survey> inPeriod = surveys.stream()
                .filter(s -> !s.invitedAt().isBefore(START) && s.invitedAt().isBefore(END))
                .toList();
        assertThat(inPeriod).hasSizeGreaterThan(50);
        long sent = inPeriod.stream().filter(s -> s.status().equals("SENT")).count();
        long answered = inPeriod.stream().filter(s -> s.handling() != null).count();
        assertThat(satisfaction.invited()).isEqualTo(inPeriod.size());
        assertThat(satisfaction.sent()).isEqualTo(sent);
        assertThat(satisfaction.pending())
                .isEqualTo(inPeriod.stream()
                        .filter(s -> s.status().equals("PENDING"))
                        .count());
        assertThat(satisfaction.failed())
                .isEqualTo(inPeriod.stream()
                        .filter(s -> s.status().equals("FAILED"))
                        .count());
        assertThat(satisfaction.answered()).isEqualTo(answered);
        assertThat(satisfaction.responseRate()).isEqualTo(ratio(answered, sent, 3));

        List<Integer> handling =
                inPeriod.stream().map(Survey::handling).filter(h -> h != null).toList();
        assertThat(satisfaction.handling().answers()).isEqualTo(handling.size());
        assertThat(satisfaction.handling().mean())
                .isEqualTo(ratio(handling.stream().mapToInt(Integer::intValue).sum(), handling.size(), 2));
        for (int score = 1; score <= 5; score++) {
            int value = score;
            assertThat(satisfaction.handling().distribution().get(score))
                    .isEqualTo(handling.stream().filter(h -> h == value).count());
        }
        List<Integer> outcome =
                inPeriod.stream().map(Survey::outcome).filter(h -> h != null).toList();
        assertThat(satisfaction.outcome().mean())
                .isEqualTo(ratio(outcome.stream().mapToInt(Integer::intValue).sum(), outcome.size(), 2));

        Map<String, Long> answeredByOutcome = new HashMap<>();
        inPeriod.stream()
                .filter(s -> s.handling() != null)
                .forEach(s -> answeredByOutcome.merge(
                        s.complaintOutcome() == null ? "(none)" : s.complaintOutcome(), 1L, Long::sum));
        answeredByOutcome.forEach((key, n) ->
                assertThat(satisfaction.byOutcome().get(key).answered()).isEqualTo(n));
    }

    @Test
    void theSatisfactionObjectiveIsMeasuredFromTheSurvey() {
        PerformanceReport report = report();
        PerformanceReport.ObjectiveResult objective = report.objectives().stream()
                .filter(o -> o.measure().equals("process-satisfaction"))
                .findFirst()
                .orElseThrow();
        assertThat(objective.value()).isEqualTo(report.satisfaction().handling().mean());
        assertThat(objective.basis()).isEqualTo(report.satisfaction().handling().answers());
        assertThat(objective.met()).isEqualTo(objective.value() >= objective.target());
    }

    @Test
    void correctiveActionsOfThePeriodByTriggerAndStatus() {
        CorrectiveActionFigures.Summary capa = report().correctiveActions();
        List<Action> opened = actions.stream()
                .filter(a -> !a.openedAt().isBefore(START) && a.openedAt().isBefore(END))
                .toList();
        assertThat(capa.opened()).isEqualTo(opened.size()).isEqualTo(8);
        for (String trigger : List.of("SYSTEMIC_FINDING", "THRESHOLD", "MANUAL")) {
            assertThat(capa.openedByTrigger().get(trigger))
                    .isEqualTo(opened.stream()
                            .filter(a -> a.trigger().equals(trigger))
                            .count());
        }
        for (String status : List.of("ANALYSIS", "PLANNING", "IMPLEMENTING", "MONITORING", "CLOSED", "CANCELLED")) {
            assertThat(capa.openedByStatusNow().get(status))
                    .isEqualTo(opened.stream()
                            .filter(a -> a.status().equals(status))
                            .count());
        }
        List<Action> closed = actions.stream()
                .filter(a -> a.status().equals("CLOSED")
                        && a.closedAt() != null
                        && !a.closedAt().isBefore(START)
                        && a.closedAt().isBefore(END))
                .toList();
        assertThat(capa.closedEffective()).isEqualTo(closed.size()).isEqualTo(3);
        List<Double> days = closed.stream()
                .map(a -> Duration.between(a.openedAt(), a.closedAt()).toMinutes() / 1440.0)
                .sorted()
                .toList();
        assertThat(capa.medianDaysToClose()).isEqualTo(Math.round(days.get(1) * 10) / 10.0);
        long checksInPeriod = 0;
        long notEffective = 0;
        for (int i = 0; i < checks.size(); i++) {
            if (!checks.get(i).isBefore(START) && checks.get(i).isBefore(END)) {
                checksInPeriod++;
                notEffective += checkEffective.get(i) ? 0 : 1;
            }
        }
        assertThat(capa.checks()).isEqualTo(checksInPeriod);
        assertThat(capa.checksNotEffective()).isEqualTo(notEffective).isPositive();
    }

    @Test
    void openCorrectiveActionsAreTheRegistersAsItStandsWithTheOverdueOnes() {
        CorrectiveActionFigures.Summary capa = report().correctiveActions();
        // other tests of this run may have left open actions too: count the whole register here
        Map<String, Long> expected = new HashMap<>();
        jdbc.queryForList("select status from cmp_corrective_action", String.class).stream()
                .filter(s -> !s.equals("CLOSED") && !s.equals("CANCELLED"))
                .forEach(s -> expected.merge(s, 1L, Long::sum));
        expected.forEach(
                (status, n) -> assertThat(capa.openNowByStatus().get(status)).isEqualTo(n));
        assertThat(capa.open())
                .extracting(CorrectiveActionFigures.OpenAction::reference)
                .contains("CAPA-2018-T005", "CAPA-2018-T006", "CAPA-2018-T007", "CAPA-2018-T008", "CAPA-2018-T009")
                .doesNotContain("CAPA-2018-T000", "CAPA-2018-T004");
        assertThat(capa.open())
                .filteredOn(a -> a.reference().startsWith("CAPA-2018-T"))
                .filteredOn(CorrectiveActionFigures.OpenAction::overdue)
                .extracting(CorrectiveActionFigures.OpenAction::reference)
                .containsExactly("CAPA-2018-T007");
        assertThat(capa.overdueNow()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void csvCarriesSatisfactionAndCorrectiveActions() {
        PerformanceReport report = report();
        StringWriter csv = new StringWriter();
        ReportCsv.write(report, csv);
        assertThat(csv.toString())
                .contains("satisfaction,answered,," + report.satisfaction().answered() + "\r\n")
                .contains("satisfaction,handling,mean,"
                        + report.satisfaction().handling().mean() + "\r\n")
                .contains("satisfaction,handling,score 5,"
                        + report.satisfaction().handling().distribution().get(5))
                .contains("corrective actions,opened,,8\r\n")
                .contains("corrective actions,opened,trigger SYSTEMIC_FINDING,")
                .contains("corrective actions,closed as effective,,3\r\n");
    }

    @Test
    void theEvidenceRecordShowsTheSurveyAndTheLinkedCorrectiveAction() {
        EvidenceRecords.EvidenceRecord record = evidence.read(linkedComplaint, "quality", List.of(StaffGroups.QUALITY));
        assertThat(record.correctiveActions()).extracting(a -> a.reference()).containsExactly("CAPA-2018-T001");
        assertThat(record.survey()).isNotNull();
        assertThat(record.survey().status()).isEqualTo("SENT");
        assertThat(record.survey().handlingScore()).isBetween(1, 5);
        assertThat(record.survey().comment()).isEqualTo("Seeded comment");
    }

    private PerformanceReport report() {
        return reports.report(reports.period(FROM.toString(), TO.toString()));
    }

    private static double ratio(long numerator, long denominator, int decimals) {
        return BigDecimal.valueOf(numerator)
                .divide(BigDecimal.valueOf(denominator), decimals, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
