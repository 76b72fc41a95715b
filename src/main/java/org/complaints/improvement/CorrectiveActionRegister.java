package org.complaints.improvement;

import static org.complaints.register.Jdbc.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.complaints.audit.AuditLog;
import org.complaints.register.ComplaintStage;
import org.complaints.register.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The CAPA register (ISO 10002 8.7): corrective actions, the complaints that caused them (both ways) and each
 * action's own record of events. Runs in the caller's transaction; inside a process step, the engine's.
 */
@Repository
public class CorrectiveActionRegister {

    private static final int MAX_DETAIL = 8000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;

    public CorrectiveActionRegister(JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    public record NewAction(
            ActionTrigger trigger,
            ActionSubject subject,
            String category,
            String productOrService,
            String openingReason,
            String rootCause,
            String openedBy) {}

    public record LinkedComplaint(
            long complaintId,
            String reference,
            String category,
            String productOrService,
            Instant receivedAt,
            ComplaintStage stage,
            boolean confidential,
            Instant linkedAt,
            String linkedBy,
            ActionTrigger linkReason) {}

    public record ActionEvent(Instant occurredAt, String type, String actor, String summary, String detail) {}

    // ------------------------------------------------------------------ opening

    /**
     * Locks the year's reference counter until the transaction ends. Every opening holds it while it looks for
     * an open action of its subject and creates one if there is none, so concurrent openings for one subject
     * cannot both create; the unique open key would refuse the second anyway.
     */
    public void lockForOpening(int year) {
        List<Integer> row = jdbc.sql(
                        "select last_value from cmp_corrective_action_counter where ref_year = ? for update")
                .param(year)
                .query(Integer.class)
                .list();
        if (row.isEmpty()) {
            throw new IllegalStateException("No corrective-action reference counter for the year " + year
                    + "; add a row to cmp_corrective_action_counter with a migration");
        }
    }

    /** {@code CAPA-YYYY-NNNN}, never reused; call with the lock held. */
    public String nextReference(int year) {
        jdbc.sql("update cmp_corrective_action_counter set last_value = last_value + 1 where ref_year = ?")
                .param(year)
                .update();
        int value = jdbc.sql("select last_value from cmp_corrective_action_counter where ref_year = ?")
                .param(year)
                .query(Integer.class)
                .single();
        if (value > 9999) {
            throw new IllegalStateException("Corrective-action references for " + year + " are exhausted");
        }
        return String.format("CAPA-%04d-%04d", year, value);
    }

    public CorrectiveAction create(String reference, NewAction action) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into cmp_corrective_action (reference, trigger_type, subject_key, open_key, category,
                    product_or_service, opening_reason, status, action_round, root_cause, opened_at, opened_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)""")
                .params(
                        reference,
                        action.trigger().name(),
                        action.subject().key(),
                        action.subject().key(),
                        action.category(),
                        truncate(action.productOrService(), 200),
                        truncate(action.openingReason(), 2000),
                        ActionStatus.ANALYSIS.name(),
                        action.rootCause(),
                        ts(clock.instant()),
                        action.openedBy())
                .update(key, "id");
        return get(key.getKey().longValue());
    }

    public Optional<CorrectiveAction> findOpen(ActionSubject subject) {
        return jdbc.sql("select * from cmp_corrective_action where open_key = ?")
                .param(subject.key())
                .query(CorrectiveActionRegister::map)
                .optional();
    }

    /**
     * The same, read again under the opening lock, which alone keeps two openings apart. Without a lock on the
     * row: {@code for update} on an open action waits for every transaction linking a complaint to it (the links'
     * foreign keys hold key-share locks on it), and under a steady stream of links never gets its turn; holding the
     * opening lock meanwhile, it would keep the assessments of every other subject waiting (bench/FINDINGS.md,
     * 'corrective-action lock'). A statement of its own, and H2's result reuse is off (its URL): H2 could answer a
     * repeated identical query from its last result, which another transaction's commit does not invalidate.
     */
    public Optional<CorrectiveAction> findOpenUnderLock(ActionSubject subject) {
        return jdbc.sql("select * from cmp_corrective_action where open_key is not null and open_key = ?")
                .param(subject.key())
                .query(CorrectiveActionRegister::map)
                .optional();
    }

    /** When the last action about this subject was closed: complaints before it were dealt with by that action. */
    public Optional<Instant> lastClosed(ActionSubject subject) {
        return jdbc
                .sql("select max(closed_at) from cmp_corrective_action where subject_key = ?")
                .param(subject.key())
                .query(OffsetDateTime.class)
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .map(OffsetDateTime::toInstant);
    }

    /** Links a complaint to an action once; true if the link is new. */
    public boolean link(long actionId, long complaintId, ActionTrigger reason, String actor) {
        int existing =
                jdbc.sql("""
                select count(*) from cmp_corrective_action_complaint where action_id = ? and complaint_id = ?""").params(actionId, complaintId).query(Integer.class).single();
        if (existing > 0) {
            return false;
        }
        jdbc.sql("""
                insert into cmp_corrective_action_complaint (action_id, complaint_id, linked_at, linked_by, link_reason)
                values (?, ?, ?, ?, ?)""")
                .params(actionId, complaintId, ts(clock.instant()), actor, reason.name())
                .update();
        return true;
    }

    public void linkProcessInstance(long id, String processInstanceId) {
        update("update cmp_corrective_action set process_instance_id = ? where id = ?", processInstanceId, id);
    }

    // ------------------------------------------------------------------ recurrence

    /** In-scope complaints of the subject received in [since, now]. */
    public long countComplaints(ActionSubject subject, Instant since) {
        return jdbc.sql("select count(*) from cmp_complaint where " + subjectCondition(subject)
                        + " and in_scope = true and received_at >= ? and received_at <= ?")
                .params(subject.value(), ts(since), ts(clock.instant()))
                .query(Long.class)
                .single();
    }

    /**
     * As {@link #countComplaints} but counting no further than {@code cap}: whether a threshold is exceeded needs
     * only that many rows, not a scan of the whole window of a busy subject at every assessment.
     */
    public long countComplaintsUpTo(ActionSubject subject, Instant since, long cap) {
        return jdbc.sql("select count(*) from (select 1 from cmp_complaint where " + subjectCondition(subject)
                        + " and in_scope = true and received_at >= ? and received_at <= ? fetch first ? rows only) c")
                .params(subject.value(), ts(since), ts(clock.instant()), cap)
                .query(Long.class)
                .single();
    }

    /** The ids of those complaints, oldest first, at most {@code limit}. */
    public List<Long> complaints(ActionSubject subject, Instant since, int limit) {
        return jdbc.sql("select id from cmp_complaint where " + subjectCondition(subject)
                        + " and in_scope = true and received_at >= ? and received_at <= ? order by received_at, id"
                        + " fetch first ? rows only")
                .params(subject.value(), ts(since), ts(clock.instant()), limit)
                .query(Long.class)
                .list();
    }

    private static String subjectCondition(ActionSubject subject) {
        return subject.dimension() == ActionSubject.Dimension.CATEGORY
                ? "category = ?"
                : "lower(product_or_service) = lower(?)";
    }

    // ------------------------------------------------------------------ reading

    public CorrectiveAction get(long id) {
        return jdbc.sql("select * from cmp_corrective_action where id = ?")
                .param(id)
                .query(CorrectiveActionRegister::map)
                .optional()
                .orElseThrow(() -> new CorrectiveActionNotFoundException("with id " + id));
    }

    public Optional<CorrectiveAction> findByReference(String reference) {
        return jdbc.sql("select * from cmp_corrective_action where reference = ?")
                .param(reference)
                .query(CorrectiveActionRegister::map)
                .optional();
    }

    public CorrectiveAction getByReference(String reference) {
        return findByReference(reference)
                .orElseThrow(() -> new CorrectiveActionNotFoundException("with reference " + reference));
    }

    /** Every action, newest first; {@code open} true/false filters (closed includes cancelled), null lists all. */
    public List<CorrectiveAction> list(Boolean open) {
        String where = open == null
                ? ""
                : open ? " where status not in ('CLOSED', 'CANCELLED')" : " where status in ('CLOSED', 'CANCELLED')";
        return jdbc.sql("select * from cmp_corrective_action" + where + " order by opened_at desc, id desc")
                .query(CorrectiveActionRegister::map)
                .list();
    }

    /** The complaints that caused an action, in the order they were linked. */
    public List<LinkedComplaint> complaintsOf(long actionId) {
        return jdbc.sql("""
                select c.id, c.reference, c.category, c.product_or_service, c.received_at, c.stage, c.confidential,
                    l.linked_at, l.linked_by, l.link_reason
                from cmp_corrective_action_complaint l join cmp_complaint c on c.id = l.complaint_id
                where l.action_id = ? order by l.linked_at, c.id""")
                .param(actionId)
                .query((rs, n) -> new LinkedComplaint(
                        rs.getLong("id"),
                        rs.getString("reference"),
                        rs.getString("category"),
                        rs.getString("product_or_service"),
                        Jdbc.instant(rs, "received_at"),
                        ComplaintStage.valueOf(rs.getString("stage")),
                        rs.getBoolean("confidential"),
                        Jdbc.instant(rs, "linked_at"),
                        rs.getString("linked_by"),
                        ActionTrigger.valueOf(rs.getString("link_reason"))))
                .list();
    }

    /** The actions a complaint caused or was linked to, oldest first. */
    public List<CorrectiveAction> actionsOf(long complaintId) {
        return jdbc.sql("""
                select a.* from cmp_corrective_action a join cmp_corrective_action_complaint l on l.action_id = a.id
                where l.complaint_id = ? order by a.opened_at, a.id""")
                .param(complaintId)
                .query(CorrectiveActionRegister::map)
                .list();
    }

    // ------------------------------------------------------------------ the stages

    public void recordRootCause(long id, String rootCause, String analysis) {
        update("""
                update cmp_corrective_action set root_cause = ?, root_cause_analysis = ?, status = ?
                where id = ?""", rootCause, analysis, ActionStatus.PLANNING.name(), id);
    }

    public void recordPlan(long id, String plan, String owner, Instant due) {
        update("""
                update cmp_corrective_action set action_plan = ?, action_owner = ?, due_date = ?, status = ?
                where id = ?""", plan, owner, ts(due), ActionStatus.IMPLEMENTING.name(), id);
    }

    public void reviseDueDate(long id, Instant due) {
        update("update cmp_corrective_action set due_date = ? where id = ?", ts(due), id);
    }

    public void changeOwner(long id, String owner) {
        update("update cmp_corrective_action set action_owner = ? where id = ?", owner, id);
    }

    public void recordImplementation(long id, String notes, Instant implementedAt, Instant checkDue) {
        update("""
                update cmp_corrective_action set implementation_notes = ?, implemented_at = ?,
                    effectiveness_check_due = ?, status = ?
                where id = ?""", notes, ts(implementedAt), ts(checkDue), ActionStatus.MONITORING.name(), id);
    }

    /** The result of an effectiveness check; an ineffective action goes back to {@code nextStatus}, one round on. */
    public void recordCheck(long id, boolean effective, String notes, Instant checkedAt, ActionStatus nextStatus) {
        update("""
                update cmp_corrective_action set effective = ?, effectiveness_notes = ?, checked_at = ?, status = ?,
                    action_round = action_round + ?
                where id = ?""", effective, notes, ts(checkedAt), nextStatus.name(), effective ? 0 : 1, id);
    }

    /**
     * Closed (or cancelled): the subject is free for a new action should the complaints come back; complaints
     * received before count no more.
     */
    public void close(long id, ActionStatus status, Instant closedAt) {
        update(
                "update cmp_corrective_action set status = ?, open_key = null, closed_at = ? where id = ?",
                status.name(),
                ts(closedAt),
                id);
    }

    // ------------------------------------------------------------------ the action's own record

    /** Appends to the action's record and to the audit log, in the caller's transaction. */
    public void event(long actionId, String type, String actor, String summary, String detail) {
        insertEvent(actionId, type, actor, summary, detail, null);
    }

    /** Appends once per dedup key (a step that may run twice); false if it was recorded before. */
    public boolean eventOnce(long actionId, String dedupKey, String type, String actor, String summary, String detail) {
        if (hasEvent(actionId, dedupKey)) {
            return false;
        }
        insertEvent(actionId, type, actor, summary, detail, dedupKey);
        return true;
    }

    public boolean hasEvent(long actionId, String dedupKey) {
        return jdbc.sql("select count(*) from cmp_corrective_action_event where action_id = ? and dedup_key = ?")
                        .params(actionId, dedupKey)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public List<ActionEvent> events(long actionId) {
        return jdbc.sql("select * from cmp_corrective_action_event where action_id = ? order by occurred_at, id")
                .param(actionId)
                .query((rs, n) -> new ActionEvent(
                        Jdbc.instant(rs, "occurred_at"),
                        rs.getString("event_type"),
                        rs.getString("actor"),
                        rs.getString("summary"),
                        rs.getString("detail")))
                .list();
    }

    private void insertEvent(long actionId, String type, String actor, String summary, String detail, String dedupKey) {
        String who = actor == null ? "system" : actor;
        jdbc.sql("""
                insert into cmp_corrective_action_event (action_id, occurred_at, event_type, actor, summary, detail,
                    dedup_key)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        actionId,
                        ts(clock.instant()),
                        type,
                        who,
                        truncate(summary, 500),
                        truncate(detail, MAX_DETAIL),
                        dedupKey)
                .update();
        CorrectiveAction action = get(actionId);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("summary", summary);
        if (detail != null) {
            after.put("detail", detail);
        }
        audit.append(null, action.processInstanceId(), who, "capa." + type, action.reference(), null, after);
    }

    // ------------------------------------------------------------------ mapping

    private void update(String sql, Object... params) {
        if (jdbc.sql(sql).params(params).update() == 0) {
            throw new CorrectiveActionNotFoundException("with id " + params[params.length - 1]);
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static CorrectiveAction map(ResultSet rs, int row) throws SQLException {
        boolean effective = rs.getBoolean("effective");
        Boolean checked = rs.wasNull() ? null : effective;
        return new CorrectiveAction(
                rs.getLong("id"),
                rs.getString("reference"),
                ActionTrigger.valueOf(rs.getString("trigger_type")),
                rs.getString("subject_key"),
                rs.getString("category"),
                rs.getString("product_or_service"),
                rs.getString("opening_reason"),
                ActionStatus.valueOf(rs.getString("status")),
                rs.getInt("action_round"),
                rs.getString("root_cause"),
                rs.getString("root_cause_analysis"),
                rs.getString("action_plan"),
                rs.getString("action_owner"),
                Jdbc.instant(rs, "due_date"),
                rs.getString("implementation_notes"),
                Jdbc.instant(rs, "implemented_at"),
                Jdbc.instant(rs, "effectiveness_check_due"),
                rs.getString("effectiveness_notes"),
                checked,
                Jdbc.instant(rs, "checked_at"),
                Jdbc.instant(rs, "opened_at"),
                rs.getString("opened_by"),
                Jdbc.instant(rs, "closed_at"),
                rs.getString("process_instance_id"));
    }
}
