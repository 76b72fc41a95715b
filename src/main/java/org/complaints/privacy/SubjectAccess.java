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
import org.complaints.engine.InvalidInputException;
import org.complaints.engine.authorization.EngineAuthority;
import org.complaints.register.ComplaintNotFoundException;
import org.complaints.register.EventLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything held about one person (GDPR right of access), found by a {@link SubjectIdentifier}, as one JSON
 * document: the register entries of their own complaints with their decisions, added information, attachments,
 * e-mails, letters, calls, satisfaction survey answers, event and audit logs, and the engine's history of each
 * complaint (activities, tasks, variables, comments, decisions); and of complaints they made for someone else only
 * their own data as representative, since the case is the complainant's.
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
        return find(SubjectIdentifier.byEmail(email)).asComplainant();
    }

    /**
     * The complaints a request's person appears in: as the complainant, and apart from those as the
     * representative of someone else's complaint. Only what the identifier matches is covered; the system links no
     * further complaints by guesswork (a namesake's, a relative's), so staff who know of more name them in a
     * second request.
     *
     * @throws InvalidInputException when the identifier matches complaints of more than one person and the request
     *     gives no name that tells them apart, or when a reference's complaint does not bear the name
     * @throws ComplaintNotFoundException when a reference is not registered
     */
    @Transactional(readOnly = true)
    public Subject find(SubjectIdentifier who) {
        List<Match> complainant = matches(who, COMPLAINANT);
        List<Match> representative = matches(who, REPRESENTATIVE);
        if (SubjectIdentifier.BY_REFERENCE.equals(who.kind())) {
            for (String reference : who.references()) {
                if (complainant.stream().noneMatch(m -> m.reference().equals(reference))
                        && representative.stream().noneMatch(m -> m.reference().equals(reference))) {
                    Boolean anonymised = jdbc.sql(
                                    "select anonymised_at is not null from cmp_complaint where reference = ?")
                            .param(reference)
                            .query(Boolean.class)
                            .optional()
                            .orElseThrow(() -> new ComplaintNotFoundException(reference));
                    if (anonymised) {
                        // nothing personal is left to export or erase: not a reason to refuse the rest
                        continue;
                    }
                    throw new InvalidInputException("name: complaint " + reference + " was not filed under this name,"
                            + " nor by a representative of this name; check the spelling in the complaint file");
                }
            }
        }
        // a phone is often a household's or an office's: several people behind one number are not one person
        if (SubjectIdentifier.BY_PHONE.equals(who.kind()) && who.name() == null) {
            long people = java.util.stream.Stream.concat(complainant.stream(), representative.stream())
                    .map(m -> SubjectIdentifier.nameKey(String.valueOf(m.name())))
                    .distinct()
                    .count();
            if (people > 1) {
                throw new InvalidInputException("name: complaints of " + people + " different names have this phone"
                        + " number; give the person's name as well");
            }
        }
        List<Long> own = complainant.stream().map(Match::id).distinct().toList();
        List<Long> represented = representative.stream()
                .map(Match::id)
                .filter(id -> !own.contains(id))
                .distinct()
                .toList();
        return new Subject(who, own, represented);
    }

    /** What a request found: the complaints of its person as complainant, and those they represent someone in. */
    public record Subject(SubjectIdentifier identifier, List<Long> asComplainant, List<Long> asRepresentative) {

        public List<Long> all() {
            List<Long> all = new ArrayList<>(asComplainant);
            all.addAll(asRepresentative);
            return all;
        }
    }

    private record Match(long id, String reference, String name) {}

    /** The columns a person is found by, as complainant or as representative. */
    private record Role(String name, String email, String phone, String postalAddress) {}

    private static final Role COMPLAINANT =
            new Role("complainant_name", "complainant_email", "complainant_phone", "postal_address");
    private static final Role REPRESENTATIVE = new Role(
            "representative_name", "representative_email", "representative_phone", "representative_postal_address");

    /**
     * The complaints whose {@code role} columns match: the database narrows by the identifier's column, the
     * comparison the database cannot make the same way on H2 and PostgreSQL (names, addresses) is made here.
     */
    private List<Match> matches(SubjectIdentifier who, Role role) {
        String select = "select id, reference, " + role.name() + " as person, " + role.postalAddress()
                + " as address from cmp_complaint where ";
        List<Map<String, Object>> rows = switch (who.kind()) {
            case SubjectIdentifier.BY_EMAIL ->
                jdbc.sql(select + "lower(" + role.email() + ") = lower(?)")
                        .param(who.email())
                        .query()
                        .listOfRows();
            case SubjectIdentifier.BY_PHONE ->
                jdbc.sql(select + SubjectIdentifier.digitsSql(role.phone()) + " = ?")
                        .param(SubjectIdentifier.digits(who.phone()))
                        .query()
                        .listOfRows();
            case SubjectIdentifier.BY_REFERENCE ->
                jdbc.sql(select + "reference in (:references)")
                        .param("references", who.references())
                        .query()
                        .listOfRows();
            default ->
                jdbc.sql(select + "lower(" + role.name() + ") like ? and lower(" + role.postalAddress() + ") like ?")
                        .params(likeName(who.name()), likeAddress(who.postalAddress()))
                        .query()
                        .listOfRows();
        };
        List<Match> found = new ArrayList<>();
        for (Map<String, Object> columns : rows) {
            Map<String, Object> row = row(columns);
            String person = (String) row.get("person");
            if (person == null || !who.sameName(person)) {
                continue;
            }
            if (SubjectIdentifier.BY_ADDRESS.equals(who.kind()) && !who.sameAddress((String) row.get("address"))) {
                continue;
            }
            found.add(new Match(((Number) row.get("id")).longValue(), (String) row.get("reference"), person));
        }
        found.sort(java.util.Comparator.comparingLong(Match::id));
        return found;
    }

    /**
     * A pattern the database finds the name's complaints by: its ASCII letters and digits in order, anything
     * (spaces, wildcards, letters the database may lower-case differently from Java) in between; the exact
     * comparison follows in {@link #matches}. An {@code i} matches any one letter, since a Turkish collation
     * lower-cases {@code I} to a dotless one.
     */
    static String likeName(String name) {
        StringBuilder pattern = new StringBuilder();
        for (char c : name.strip().toCharArray()) {
            char lower = c < 128 ? Character.toLowerCase(c) : c;
            if (lower == 'i') {
                pattern.append('_');
            } else if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
                pattern.append(lower);
            } else if (pattern.isEmpty() || pattern.charAt(pattern.length() - 1) != '%') {
                pattern.append('%');
            }
        }
        return pattern.toString();
    }

    /**
     * The same for a postal address, whose spaces and punctuation vary even inside a word or number ("12a",
     * "12 a"): its ASCII letters and digits in order, anything between each two.
     */
    static String likeAddress(String address) {
        StringBuilder pattern = new StringBuilder("%");
        for (char c : address.toCharArray()) {
            char lower = c < 128 ? Character.toLowerCase(c) : c;
            if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
                pattern.append(lower == 'i' ? '_' : lower).append('%');
            }
        }
        return pattern.toString();
    }

    /** Everything held about the person with this e-mail address, as before other identifiers were accepted. */
    @Transactional(readOnly = true)
    public Map<String, Object> export(String email) {
        return export(find(SubjectIdentifier.byEmail(email)));
    }

    @Transactional(readOnly = true)
    public Map<String, Object> export(Subject subject) {
        List<Map<String, Object>> complaints = new ArrayList<>();
        for (Long id : subject.asComplainant()) {
            Map<String, Object> complaint = new LinkedHashMap<>(
                    rows("select * from cmp_complaint where id = ?", id).get(0));
            // the status page's secret: a credential, not information about the person; also cut out of the
            // e-mails and letters that carried the link
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
            // letters as text: the PDF lays out the same text under the addressee's name and address (both in
            // the register columns above), and its status-page link cannot be cut out of a PDF the way it is cut
            // out of a text; staff download a letter's PDF as posted by its id when the person asks for it
            complaint.put("letters", rows("""
                    select id, kind, language, subject, body, large_print, created_at, printed_at, posted_at, posted_by
                    from cmp_letter where complaint_id = ? order by id""", id));
            complaint.put("calls", rows("""
                    select id, kind, language, subject, script, created_at, outcome, outcome_at, outcome_by, note
                    from cmp_call where complaint_id = ? order by id""", id));
            complaint.put("inboundEmails", rows("select * from cmp_inbound_mail where complaint_id = ?", id));
            events.writePending();
            complaint.put("events", rows("select * from cmp_event where complaint_id = ? order by id", id));
            // the survey answers; not the link's hash, which is a credential, not information about the person
            complaint.put("satisfactionSurvey", rows("""
                    select invited_at, language, status, sent_at, expires_at, answered_at, handling_score, outcome_score,
                        ease_score, comment, answered_by, answer_channel
                    from cmp_survey where complaint_id = ?""", id));
            String instance = (String) complaint.get("processInstanceId");
            complaint.put("audit", audit.list(id, instance));
            complaint.put(
                    "engineHistory",
                    instance == null ? Map.of() : authority.withoutAuthorization(() -> engine(instance)));
            complaints.add(token == null || token.isEmpty() ? complaint : redact(complaint, token));
        }
        // someone else's complaint: only what it holds about the representative, not the complainant's case
        List<Map<String, Object>> represented = new ArrayList<>();
        for (Long id : subject.asRepresentative()) {
            represented.addAll(rows("""
                    select reference, received_at, representative_name, representative_email, representative_phone,
                        representative_postal_address, representative_relation, representative_consent
                    from cmp_complaint where id = ?""", id));
        }
        SubjectIdentifier who = subject.identifier();
        Map<String, Object> identifiedBy = new LinkedHashMap<>();
        identifiedBy.put("kind", who.kind());
        identifiedBy.put("email", who.email());
        identifiedBy.put("phone", who.phone());
        identifiedBy.put("references", who.references());
        identifiedBy.put("name", who.name());
        identifiedBy.put("postalAddress", who.postalAddress());
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("email", who.email());
        export.put("identifiedBy", identifiedBy);
        export.put("complaints", complaints);
        export.put("asRepresentative", represented);
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
