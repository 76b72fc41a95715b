package org.complaints.privacy;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.complaints.audit.AuditLog;
import org.complaints.engine.authorization.EngineAuthority;
import org.complaints.register.EventLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything held about one complainant e-mail address (GDPR right of access), as one JSON document: the
 * register entries with their decisions, added information, attachments, e-mails, satisfaction survey answers,
 * event and audit logs, and the engine's history of each complaint (activities, tasks, variables, comments,
 * decisions).
 *
 * <p>Every key of the document is camelCase, also those that come from the register's column names, which H2
 * reports in upper case and PostgreSQL in lower case: so the document is the same on both, and the code that
 * drops secrets and finds the process instance sees the same names on both. Times are instants (UTC), dates
 * plain dates, whichever types the database driver returns.
 */
@Service
public class SubjectAccess {

    static final String REDACTED = "[status page token removed]";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final EventLog events;
    private final HistoryService history;
    private final TaskService tasks;
    private final EngineAuthority authority;

    public SubjectAccess(
            JdbcClient jdbc,
            AuditLog audit,
            EventLog events,
            HistoryService history,
            TaskService tasks,
            EngineAuthority authority) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.history = history;
        this.tasks = tasks;
        this.authority = authority;
    }

    /** Ids of the complaints filed with this address (case-insensitive, as e-mail addresses are compared). */
    public List<Long> complaintsOf(String email) {
        return jdbc.sql("select id from cmp_complaint where lower(complainant_email) = lower(?) order by id")
                .param(email.trim())
                .query(Long.class)
                .list();
    }

    @Transactional(readOnly = true)
    public Map<String, Object> export(String email) {
        List<Map<String, Object>> complaints = new ArrayList<>();
        for (Long id : complaintsOf(email)) {
            Map<String, Object> complaint = new LinkedHashMap<>(
                    rows("select * from cmp_complaint where id = ?", id).get(0));
            // the status page's secret: a credential, not information about the person; also cut out of the
            // e-mails that carried the link
            String token = (String) complaint.remove("trackingToken");
            complaint.put(
                    "decisions", rows("select * from cmp_decision where complaint_id = ? order by decision_round", id));
            complaint.put(
                    "addedInformation",
                    rows("select * from cmp_added_information where complaint_id = ? order by id", id));
            complaint.put("attachments", attachments(id));
            complaint.put("emails", rows("select * from cmp_mail where complaint_id = ? order by id", id));
            // e-mails written but not sent yet (the outbox forgets recipients and text of sent ones)
            complaint.put("emailsNotYetSent", rows("""
                    select dedup_key, template, language, recipients, subject, body, message_id, status, queued_at
                    from cmp_mail_outbox where complaint_id = ? and status in ('PENDING', 'FAILED') order by id""", id));
            complaint.put("inboundEmails", rows("select * from cmp_inbound_mail where complaint_id = ?", id));
            events.writePending();
            complaint.put("events", rows("select * from cmp_event where complaint_id = ? order by id", id));
            // the survey answers; not the link's hash, which is a credential, not information about the person
            complaint.put("satisfactionSurvey", rows("""
                    select invited_at, language, status, sent_at, expires_at, answered_at, handling_score, outcome_score,
                        ease_score, comment
                    from cmp_survey where complaint_id = ?""", id));
            String instance = (String) complaint.get("processInstanceId");
            complaint.put("audit", audit.list(id, instance));
            complaint.put(
                    "engineHistory",
                    instance == null ? Map.of() : authority.withoutAuthorization(() -> engine(instance)));
            complaints.add(token == null || token.isEmpty() ? complaint : redact(complaint, token));
        }
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("email", email.trim());
        export.put("complaints", complaints);
        return export;
    }

    private List<Map<String, Object>> rows(String sql, long id) {
        return jdbc.sql(sql).param(id).query().listOfRows().stream()
                .map(SubjectAccess::row)
                .toList();
    }

    private List<Map<String, Object>> attachments(long id) {
        return rows("select * from cmp_attachment where complaint_id = ? order by id", id).stream()
                .map(row -> {
                    Map<String, Object> attachment = new LinkedHashMap<>(row);
                    attachment.put("content", Base64.getEncoder().encodeToString((byte[]) row.get("content")));
                    return attachment;
                })
                .toList();
    }

    /** The value with every occurrence of the secret in its texts replaced. */
    @SuppressWarnings("unchecked")
    static <T> T redact(T value, String secret) {
        Object redacted = value;
        if (value instanceof String text) {
            redacted = text.replace(secret, REDACTED);
        } else if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, redact(v, secret)));
            redacted = copy;
        } else if (value instanceof List<?> list) {
            redacted = list.stream().map(v -> redact(v, secret)).toList();
        } else if (value instanceof AuditLog.Entry e) {
            redacted = new AuditLog.Entry(
                    e.id(),
                    e.occurredAt(),
                    e.actor(),
                    e.complaintId(),
                    e.processInstanceId(),
                    e.action(),
                    e.entity(),
                    redact(e.payload(), secret),
                    e.chainSeq());
        }
        return (T) redacted;
    }

    /** A database row with camelCase keys and database-independent values (see the class comment). */
    static Map<String, Object> row(Map<String, Object> columns) {
        Map<String, Object> row = new LinkedHashMap<>();
        columns.forEach((column, value) -> row.put(camelCase(column), value(value)));
        return row;
    }

    /** {@code PROCESS_INSTANCE_ID} and {@code process_instance_id} both become {@code processInstanceId}. */
    static String camelCase(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = name.length() > 0;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    private static Object value(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return value;
    }

    private Map<String, Object> engine(String instance) {
        Map<String, Object> engine = new LinkedHashMap<>();
        HistoricProcessInstance process = history.createHistoricProcessInstanceQuery()
                .processInstanceId(instance)
                .singleResult();
        if (process == null) {
            engine.put("note", "The engine's history of this complaint has been cleaned up (history time to live).");
            return engine;
        }
        engine.put(
                "processInstance",
                Map.of(
                        "id",
                        process.getId(),
                        "businessKey",
                        String.valueOf(process.getBusinessKey()),
                        "startTime",
                        process.getStartTime(),
                        "endTime",
                        String.valueOf(process.getEndTime()),
                        "state",
                        process.getState()));
        engine.put(
                "activities",
                history
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(instance)
                        .orderByHistoricActivityInstanceStartTime()
                        .asc()
                        .list()
                        .stream()
                        .map(SubjectAccess::activity)
                        .toList());
        engine.put(
                "tasks",
                history
                        .createHistoricTaskInstanceQuery()
                        .processInstanceId(instance)
                        .orderByHistoricActivityInstanceStartTime()
                        .asc()
                        .list()
                        .stream()
                        .map(SubjectAccess::task)
                        .toList());
        engine.put(
                "variables",
                history
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(instance)
                        .disableBinaryFetching()
                        .list()
                        .stream()
                        .map(SubjectAccess::variable)
                        .toList());
        engine.put(
                "comments",
                tasks.getProcessInstanceComments(instance).stream()
                        .map(c -> Map.of(
                                "time",
                                c.getTime(),
                                "user",
                                String.valueOf(c.getUserId()),
                                "message",
                                c.getFullMessage()))
                        .toList());
        engine.put(
                "decisions",
                history
                        .createHistoricDecisionInstanceQuery()
                        .processInstanceId(instance)
                        .includeInputs()
                        .includeOutputs()
                        .list()
                        .stream()
                        .map(SubjectAccess::decision)
                        .toList());
        return engine;
    }

    private static Map<String, Object> activity(HistoricActivityInstance a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("activityId", a.getActivityId());
        m.put("name", a.getActivityName());
        m.put("start", a.getStartTime());
        m.put("end", a.getEndTime());
        m.put("assignee", a.getAssignee());
        return m;
    }

    private static Map<String, Object> task(HistoricTaskInstance t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taskDefinitionKey", t.getTaskDefinitionKey());
        m.put("name", t.getName());
        m.put("assignee", t.getAssignee());
        m.put("start", t.getStartTime());
        m.put("end", t.getEndTime());
        return m;
    }

    private static Map<String, Object> variable(HistoricVariableInstance v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", v.getName());
        m.put("type", v.getTypeName());
        m.put("value", v.getValue() == null ? null : String.valueOf(v.getValue()));
        return m;
    }

    private static Map<String, Object> decision(HistoricDecisionInstance d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("decision", d.getDecisionDefinitionKey());
        m.put("evaluated", d.getEvaluationTime());
        m.put(
                "inputs",
                d.getInputs().stream()
                        .map(i -> Map.of(
                                "name", String.valueOf(i.getClauseName()), "value", String.valueOf(i.getValue())))
                        .toList());
        m.put(
                "outputs",
                d.getOutputs().stream()
                        .map(o -> Map.of(
                                "name", String.valueOf(o.getVariableName()), "value", String.valueOf(o.getValue())))
                        .toList());
        return m;
    }
}
