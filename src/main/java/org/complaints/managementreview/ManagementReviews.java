package org.complaints.managementreview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.complaints.analysis.PerformanceReport;
import org.complaints.analysis.PerformanceReports;
import org.complaints.analysis.ReportPeriod;
import org.complaints.deadlines.DeadlineProperties;
import org.complaints.deadlines.WorkingDayCalendar;
import org.complaints.engine.InvalidInputException;
import org.complaints.register.Jdbc;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Management reviews (ISO 10002 8.6) in the application's own tables: the input prepared for a period (figures
 * against the objectives, survey results, corrective actions, actions still open from earlier reviews), the review's
 * conclusions and decisions, and its actions until each is done.
 */
@Service("managementReviews")
public class ManagementReviews {

    private final JdbcClient jdbc;
    private final PerformanceReports reports;
    private final IdentityService identity;
    private final WorkingDayCalendar calendar;
    private final ManagementReviewProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    // the engine calls this bean from its diagram: looked up when needed, not at construction
    private final ObjectProvider<RuntimeService> runtime;

    public ManagementReviews(
            JdbcClient jdbc,
            PerformanceReports reports,
            IdentityService identity,
            WorkingDayCalendar calendar,
            ManagementReviewProperties properties,
            ObjectMapper json,
            Clock clock,
            DeadlineProperties deadlines,
            ObjectProvider<RuntimeService> runtime) {
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.reports = reports;
        this.identity = identity;
        this.calendar = calendar;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.zone = deadlines.zone();
    }

    /** An action as the review's form gives it. */
    public record ActionInput(String description, String owner, String dueDate) {}

    /** The whole months before today that a scheduled review covers. */
    public ReportPeriod defaultPeriod() {
        LocalDate firstOfThisMonth = LocalDate.now(clock.withZone(zone)).withDayOfMonth(1);
        return new ReportPeriod(
                firstOfThisMonth.minusMonths(properties.periodMonths()), firstOfThisMonth.minusDays(1), zone);
    }

    public ReportPeriod period(String from, String to) {
        return reports.period(from, to);
    }

    /**
     * A review outside the schedule, for the period given (both dates, or neither for the default period); the
     * input is prepared at once, so the instance returned carries the review's reference.
     */
    public ProcessInstance request(String from, String to, String requestedBy) {
        if ((from == null) != (to == null)) {
            throw new InvalidInputException("periodFrom, periodTo: give both dates of the period, or neither");
        }
        if (from != null) {
            period(from, to);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("periodFrom", from);
        variables.put("periodTo", to);
        variables.put("requestedBy", requestedBy);
        return runtime.getObject()
                .createMessageCorrelation("ManagementReviewRequested")
                .setVariables(variables)
                .correlateStartMessage();
    }

    /** Prepares the review's input for {@code period} and registers the review. */
    public ManagementReview prepare(ReportPeriod period, String processInstanceId) {
        Map<String, Object> input = new LinkedHashMap<>();
        PerformanceReport report = reports.report(period);
        input.put("performance", report);
        input.put("openActionsOfEarlierReviews", openActions());
        String inputJson;
        try {
            inputJson = json.writeValueAsString(input);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Review input could not be written", e);
        }
        Instant now = clock.instant();
        String temporary = "MR-" + UUID.randomUUID().toString().substring(0, 16);
        jdbc.sql("""
                insert into cmp_management_review (reference, period_from, period_to, prepared_at, input_json,
                    process_instance_id) values (?, ?, ?, ?, ?, ?)""")
                .params(temporary, period.from(), period.to(), Jdbc.ts(now), inputJson, processInstanceId)
                .update();
        long id = jdbc.sql("select id from cmp_management_review where reference = ?")
                .param(temporary)
                .query(Long.class)
                .single();
        // the reference numbers reviews per year of preparation; the id keeps it unique without a counter
        String reference = String.format("MR-%d-%04d", now.atZone(zone).getYear(), id);
        jdbc.sql("update cmp_management_review set reference = ? where id = ?")
                .params(reference, id)
                .update();
        return get(id);
    }

    /** When the review is to be held: the configured working days after its preparation. */
    public Date holdBy() {
        return Date.from(calendar.workingDaysAfter(clock.instant(), properties.holdWithinDays()));
    }

    /** A line for the task form: how many objectives were met, missed, or had no data. */
    public String summary(ManagementReview review) {
        try {
            PerformanceReport report =
                    json.treeToValue(json.readTree(review.inputJson()).path("performance"), PerformanceReport.class);
            long met = report.objectives().stream()
                    .filter(o -> Boolean.TRUE.equals(o.met()))
                    .count();
            long missed = report.objectives().stream()
                    .filter(o -> Boolean.FALSE.equals(o.met()))
                    .count();
            long noData = report.objectives().size() - met - missed;
            StringBuilder line = new StringBuilder()
                    .append(report.totals().received())
                    .append(" complaints received, ")
                    .append(report.totals().closed())
                    .append(" closed; objectives: ")
                    .append(met)
                    .append(" met, ")
                    .append(missed)
                    .append(" missed, ")
                    .append(noData)
                    .append(" without data; ");
            // inputs prepared before surveys and corrective actions were part of the report lack these sections
            if (report.satisfaction() != null) {
                line.append(report.satisfaction().answered())
                        .append(" of ")
                        .append(report.satisfaction().sent())
                        .append(" surveys answered, handling rated ")
                        .append(
                                report.satisfaction().handling().mean() == null
                                        ? "-"
                                        : report.satisfaction().handling().mean())
                        .append(" of 5; ");
            }
            if (report.correctiveActions() != null) {
                line.append(report.correctiveActions().open().size())
                        .append(" corrective actions open (")
                        .append(report.correctiveActions().overdueNow())
                        .append(" overdue); ");
            }
            return line.append(openActions().size())
                    .append(" actions of earlier reviews still open.")
                    .toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Review input of " + review.reference() + " is unreadable", e);
        }
    }

    /**
     * Records what the review concluded and the actions it set; refuses, with every problem named, an outcome
     * without attendees or conclusions, or an action without owner, known staff account or future due date.
     */
    public List<Long> recordOutcome(
            long reviewId,
            String heldBy,
            String attendees,
            String conclusions,
            String decisions,
            List<ActionInput> actions) {
        List<String> problems = new ArrayList<>();
        if (attendees == null || attendees.isBlank()) {
            problems.add("attendees: name who took part in the review");
        }
        if (conclusions == null || conclusions.strip().length() < 20) {
            problems.add("conclusions: state the review's conclusions on the suitability, adequacy and effectiveness "
                    + "of complaints handling (at least 20 characters)");
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        for (int i = 0; i < actions.size(); i++) {
            ActionInput action = actions.get(i);
            String where = "actions[" + (i + 1) + "].";
            if (action.description() == null || action.description().strip().length() < 5) {
                problems.add(where + "description: say what is to be done (at least 5 characters)");
            }
            if (action.owner() == null || action.owner().isBlank()) {
                problems.add(where + "owner: name the staff member (user id) who owns the action");
            } else if (identity.createUserQuery().userId(action.owner().strip()).count() == 0) {
                problems.add(where + "owner: there is no staff account \""
                        + action.owner().strip() + "\"");
            }
            LocalDate due = dueDate(action.dueDate());
            if (due == null) {
                problems.add(where + "dueDate: give the due date as YYYY-MM-DD");
            } else if (due.isBefore(today)) {
                problems.add(where + "dueDate: " + due + " has passed; give a date from today on");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int updated = jdbc.sql("""
                update cmp_management_review set held_at = ?, held_by = ?, attendees = ?, conclusions = ?, decisions = ?
                where id = ? and held_at is null""")
                .params(
                        Jdbc.ts(clock.instant()),
                        heldBy,
                        attendees.strip(),
                        conclusions.strip(),
                        decisions == null ? null : decisions.strip(),
                        reviewId)
                .update();
        if (updated == 0) {
            // a repeated step: the outcome and its actions are already recorded
            return openActionIds(reviewId);
        }
        for (ActionInput action : actions) {
            jdbc.sql(
                            "insert into cmp_review_action (review_id, description, owner, due_date, status) values (?, ?, ?, ?, ?)")
                    .params(
                            reviewId,
                            action.description().strip(),
                            action.owner().strip(),
                            dueDate(action.dueDate()),
                            ReviewAction.OPEN)
                    .update();
        }
        return openActionIds(reviewId);
    }

    /** The review's actions not yet done, as the diagram's multi-instance collection. */
    public List<Long> openActionIds(long reviewId) {
        return jdbc.sql("select id from cmp_review_action where review_id = ? and status = ? order by id")
                .params(reviewId, ReviewAction.OPEN)
                .query(Long.class)
                .list();
    }

    public ReviewAction action(long actionId) {
        return jdbc.sql("select * from cmp_review_action where id = ?")
                .param(actionId)
                .query(this::mapAction)
                .optional()
                .orElseThrow(() -> new InvalidInputException("actionId: there is no review action " + actionId));
    }

    /** The due date as the end of that working day, for the action task's due date and timer. */
    public Date dueAt(ReviewAction action) {
        return Date.from(calendar.endOf(action.dueDate()));
    }

    public void completeAction(long actionId, String user, String note) {
        if (note == null || note.strip().length() < 5) {
            throw new InvalidInputException("completionNote: say what was done (at least 5 characters)");
        }
        jdbc.sql("""
                update cmp_review_action set status = ?, completed_at = ?, completed_by = ?, completion_note = ?
                where id = ? and status = ?""")
                .params(ReviewAction.DONE, Jdbc.ts(clock.instant()), user, note.strip(), actionId, ReviewAction.OPEN)
                .update();
    }

    public void close(long reviewId) {
        jdbc.sql("update cmp_management_review set closed_at = coalesce(closed_at, ?) where id = ?")
                .params(Jdbc.ts(clock.instant()), reviewId)
                .update();
    }

    public ManagementReview get(long id) {
        return jdbc.sql("select * from cmp_management_review where id = ?")
                .param(id)
                .query(this::mapReview)
                .single();
    }

    public ManagementReview getByReference(String reference) {
        return jdbc.sql("select * from cmp_management_review where reference = ?")
                .param(reference)
                .query(this::mapReview)
                .optional()
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "There is no management review " + reference));
    }

    public List<ManagementReview> list() {
        return jdbc.sql("select * from cmp_management_review order by prepared_at desc, id desc")
                .query(this::mapReview)
                .list();
    }

    public List<ReviewAction> actions(long reviewId) {
        return jdbc.sql("select * from cmp_review_action where review_id = ? order by id")
                .param(reviewId)
                .query(this::mapAction)
                .list();
    }

    /** Actions of any review still open, oldest due first: the next review looks at them (8.6). */
    public List<ReviewAction> openActions() {
        return jdbc.sql("select * from cmp_review_action where status = ? order by due_date, id")
                .param(ReviewAction.OPEN)
                .query(this::mapAction)
                .list();
    }

    private static LocalDate dueDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String value = text.strip();
            return value.length() > 10 ? OffsetDateTime.parse(value).toLocalDate() : LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private ManagementReview mapReview(ResultSet rs, int row) throws SQLException {
        return new ManagementReview(
                rs.getLong("id"),
                rs.getString("reference"),
                rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class),
                Jdbc.instant(rs, "prepared_at"),
                rs.getString("input_json"),
                Jdbc.instant(rs, "held_at"),
                rs.getString("held_by"),
                rs.getString("attendees"),
                rs.getString("conclusions"),
                rs.getString("decisions"),
                Jdbc.instant(rs, "closed_at"),
                rs.getString("process_instance_id"));
    }

    private ReviewAction mapAction(ResultSet rs, int row) throws SQLException {
        return new ReviewAction(
                rs.getLong("id"),
                rs.getLong("review_id"),
                rs.getString("description"),
                rs.getString("owner"),
                rs.getObject("due_date", LocalDate.class),
                rs.getString("status"),
                Jdbc.instant(rs, "completed_at"),
                rs.getString("completed_by"),
                rs.getString("completion_note"));
    }
}
