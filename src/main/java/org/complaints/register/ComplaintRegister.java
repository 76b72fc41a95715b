package org.complaints.register;

import static org.complaints.register.Jdbc.bool;
import static org.complaints.register.Jdbc.instant;
import static org.complaints.register.Jdbc.integer;
import static org.complaints.register.Jdbc.ts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.complaints.support.SecretBytes;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The complaint register (ISO 10002 7.2, 7.3, 8.1): the application's own record of every complaint. It runs in
 * the caller's transaction, which inside a process step is the engine's transaction. A complaint read once in a
 * transaction is answered from memory until the register writes it again: every write to what it answers goes
 * through this class (the report roll-up only sets its own flag).
 */
@Repository
public class ComplaintRegister {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ReferenceGenerator references;
    private final TransactionReads<Long, Complaint> complaints = new TransactionReads<>();
    private final TransactionReads<Long, AccessMarkings> markings = new TransactionReads<>();
    private final TransactionReads<String, Optional<Long>> byInstance = new TransactionReads<>();

    public ComplaintRegister(JdbcClient jdbc, JdbcTemplate template, ReferenceGenerator references) {
        this.jdbc = jdbc;
        this.template = template;
        this.references = references;
    }

    public Complaint create(NewComplaint c) {
        String reference = references.next();
        Representative rep = c.representative();
        Object[] values = {
            reference,
            ComplaintStage.RECEIVED.name(),
            c.channel(),
            ts(c.receivedAt()),
            c.receivedBy(),
            c.complainantName(),
            c.complainantEmail(),
            c.complainantPhone(),
            c.language(),
            c.productOrService(),
            c.description(),
            c.incidentDate(),
            c.remedySought(),
            c.receiptNotes(),
            c.severity(),
            c.impact(),
            c.category(),
            c.safetyRelevant(),
            newTrackingToken(),
            c.postalAddress(),
            c.effectivePreferredContact(),
            c.accessibilityNeeds(),
            c.accessibilityNote(),
            rep == null ? null : rep.name(),
            rep == null ? null : rep.email(),
            rep == null ? null : rep.phone(),
            rep == null ? null : rep.postalAddress(),
            rep == null ? null : rep.relation(),
            rep != null && rep.consentRecorded()
        };
        // the new row, with its id and the columns' defaults, comes back with the insert: no read after it
        Complaint created = template.execute(
                (Connection connection) -> {
                    PreparedStatement insert = connection.prepareStatement("""
                    insert into cmp_complaint (reference, stage, channel, received_at, received_by, complainant_name,
                        complainant_email, complainant_phone, language, product_or_service, description, incident_date,
                        remedy_sought, receipt_notes, severity, impact, category, safety_relevant, tracking_token,
                        postal_address, preferred_contact, accessibility_needs, accessibility_note,
                        representative_name, representative_email, representative_phone,
                        representative_postal_address, representative_relation, representative_consent)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                        ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", COLUMNS);
                    new ArgumentPreparedStatementSetter(values).setValues(insert);
                    return insert;
                },
                (PreparedStatement insert) -> {
                    insert.executeUpdate();
                    try (ResultSet row = insert.getGeneratedKeys()) {
                        row.next();
                        Complaint complaint = map(row, 0);
                        markings.remember(complaint.id(), mapMarkings(complaint.id(), row));
                        return complaint;
                    }
                });
        complaints.remember(created.id(), created);
        return created;
    }

    /** 256 random bits, URL-safe: with the reference it opens the complaint's status page. */
    private static String newTrackingToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(SecretBytes.next(32));
    }

    public Complaint get(long id) {
        return complaints.get(id, this::load);
    }

    private Complaint load(long id) {
        return jdbc.sql("select * from cmp_complaint where id = ?")
                .param(id)
                .query((rs, n) -> {
                    // the row holds the access markings too, which the same step asks for next
                    markings.remember(id, mapMarkings(id, rs));
                    return map(rs, n);
                })
                .optional()
                .orElseThrow(() -> new ComplaintNotFoundException("with id " + id));
    }

    public Optional<Complaint> findByReference(String reference) {
        return jdbc.sql("select * from cmp_complaint where reference = ?")
                .param(reference)
                .query(ComplaintRegister::map)
                .optional();
    }

    public Complaint getByReference(String reference) {
        return findByReference(reference)
                .orElseThrow(() -> new ComplaintNotFoundException("with reference " + reference));
    }

    /** Earlier complaints of the same complainant or about the same product or service since {@code since}. */
    public List<Complaint> findRelated(Complaint complaint, Instant since, int limit) {
        return jdbc.sql("""
                select * from cmp_complaint
                where id <> ? and received_at >= ?
                  and (lower(complainant_email) = lower(?) or lower(product_or_service) = lower(?))
                order by received_at desc
                fetch first ? rows only""")
                // in the database: a popular product has thousands of complaints, of which only the latest are shown
                .params(complaint.id(), ts(since), complaint.complainantEmail(), complaint.productOrService(), limit)
                .query(ComplaintRegister::map)
                .list();
    }

    /**
     * The complaint a process instance handles. Process steps find their complaint this way, never through a
     * process variable, which a client of the engine's API could have written.
     */
    public Optional<Long> idOfProcessInstance(String processInstanceId) {
        if (processInstanceId == null) {
            return Optional.empty();
        }
        Optional<Long> id = byInstance.get(
                processInstanceId,
                instance -> jdbc.sql("select id from cmp_complaint where process_instance_id = ?")
                        .param(instance)
                        .query(Long.class)
                        .optional());
        if (id.isEmpty()) {
            // not linked yet (the registering step links it in this transaction): ask again next time
            byInstance.forget(processInstanceId);
        }
        return id;
    }

    public void linkProcessInstance(long id, String processInstanceId) {
        write("update cmp_complaint set process_instance_id = ? where id = ?", processInstanceId, id);
        byInstance.remember(processInstanceId, Optional.of(id));
        // the rest of what this transaction read stays true (an intake reads the complaint twice after this)
        complaints.replace(id, complaint -> complaint.withProcessInstance(processInstanceId));
        markings.replace(id, marked -> marked.withProcessInstance(processInstanceId));
    }

    public void setStage(long id, ComplaintStage stage) {
        update("update cmp_complaint set stage = ? where id = ?", stage.name(), id);
    }

    public void recordRuleAssessment(
            long id, String priority, String handlingGroup, int responseDays, Instant deadline) {
        write("""
                update cmp_complaint set priority = ?, handling_group = ?, response_days = ?, response_deadline = ?
                where id = ?""", priority, handlingGroup, responseDays, ts(deadline), id);
        // the acknowledgement reads the complaint next, in the same step
        complaints.replace(
                id, complaint -> complaint.withRuleAssessment(priority, handlingGroup, responseDays, deadline));
    }

    /**
     * What the assessment decided the message is (ISO 10002 7.5): in-scope, out-of-scope or not-a-complaint, with
     * the kind (enquiry, compliment, suggestion) of one that is not a complaint.
     */
    public void recordScopeDecision(long id, String scopeDecision, String notComplaintKind) {
        jdbc.sql("update cmp_complaint set scope_decision = ?, not_complaint_kind = ? where id = ?")
                .params(scopeDecision, notComplaintKind, id)
                .update();
    }

    /** The scope decision recorded by the assessment; empty before it (or for complaints assessed earlier). */
    public Optional<String> scopeDecision(long id) {
        return column(id, "scope_decision");
    }

    /** What a message found not to be a complaint is (enquiry, compliment, suggestion); else empty. */
    public Optional<String> notComplaintKind(long id) {
        return column(id, "not_complaint_kind");
    }

    private Optional<String> column(long id, String column) {
        return jdbc.sql("select " + column + " from cmp_complaint where id = ?")
                .param(id)
                .query((rs, row) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .flatMap(value -> value);
    }

    /** The assessment; the first one's time and SLA result stay (a reassessment does not move them). */
    public void recordAssessment(long id, Assessment a, Instant assessedAt, boolean inTime) {
        update(
                """
                update cmp_complaint set in_scope = ?, scope_reason = ?, severity = ?, impact = ?, category = ?,
                    safety_relevant = ?, priority = ?, handling_group = ?, response_days = ?, response_deadline = ?,
                    assessment_sla_met = case when assessed_at is null then ? else assessment_sla_met end,
                    assessed_at = coalesce(assessed_at, ?)
                where id = ?""",
                a.inScope(),
                a.scopeReason(),
                a.severity(),
                a.impact(),
                a.category(),
                a.safetyRelevant(),
                a.priority(),
                a.handlingGroup(),
                a.responseDays(),
                ts(a.responseDeadline()),
                inTime,
                ts(assessedAt),
                id);
    }

    public void markAcknowledged(long id, Instant at, boolean inTime) {
        // the first acknowledgement counts; a repeated step does not move the time
        forget(id);
        jdbc.sql(
                        "update cmp_complaint set acknowledged_at = ?, ack_sla_met = ? where id = ? and acknowledged_at is null")
                .params(ts(at), inTime, id)
                .update();
    }

    public void recordRelated(long id, int count) {
        update("update cmp_complaint set related_count = ? where id = ?", count, id);
    }

    public void recordFindings(long id, String rootCause, boolean systemic) {
        update("update cmp_complaint set root_cause = ?, systemic_issue = ? where id = ?", rootCause, systemic, id);
    }

    public void reviseDeadline(long id, Instant deadline, Instant revisedAt) {
        update(
                "update cmp_complaint set response_deadline = ?, deadline_revised_at = ? where id = ?",
                ts(deadline),
                ts(revisedAt),
                id);
    }

    public void recordDecision(long id, String outcome, Instant decidedAt, int reviewRound) {
        update("""
                update cmp_complaint set outcome = ?, decided_at = ?, review_round = ?,
                    first_decided_at = coalesce(first_decided_at, ?)
                where id = ?""", outcome, ts(decidedAt), reviewRound, ts(decidedAt), id);
    }

    public void markExternalReferral(long id) {
        update("update cmp_complaint set external_referral = true where id = ?", id);
    }

    public void close(
            long id,
            String reason,
            Instant closedAt,
            Boolean ackSlaMet,
            Boolean responseSlaMet,
            String externalOutcome) {
        update("""
                update cmp_complaint set stage = ?, closure_reason = ?, closed_at = ?, ack_sla_met = ?,
                    response_sla_met = ?, external_outcome = coalesce(?, external_outcome)
                where id = ?""", ComplaintStage.CLOSED.name(), reason, ts(closedAt), ackSlaMet, responseSlaMet, externalOutcome, id);
    }

    /** Ends an open complaint whose complainant's personal data is being erased on request. */
    public void closeErased(long id, Instant at) {
        forget(id);
        jdbc.sql("update cmp_complaint set stage = 'CLOSED', closure_reason = 'ERASED', closed_at = ? where id = ? "
                        + "and closed_at is null")
                .params(ts(at), id)
                .update();
    }

    /** Replaces the complainant's personal data and free texts; the first anonymisation's time stays. */
    public void removePersonalData(long id, String anonymous, String removed, Instant at) {
        updateMarkings("""
                update cmp_complaint set complainant_name = ?, complainant_email = ?, complainant_phone = null,
                    postal_address = null, preferred_contact = 'email', accessibility_needs = null,
                    accessibility_note = null, representative_name = null, representative_email = null,
                    representative_phone = null, representative_postal_address = null,
                    representative_relation = null, representative_consent = false, description = ?, remedy_sought = null, receipt_notes = null, scope_reason = null,
                    tracking_token = null, anonymised_at = coalesce(anonymised_at, ?)
                where id = ?""", anonymous, anonymous, removed, ts(at), id);
    }

    /**
     * Replaces the complainant's contact data with a correction made by staff. One statement writes every field
     * of {@link Contact}, so a field added to the record is added here in one place; the caller audits the
     * values it replaces (the register keeps only the corrected ones).
     */
    /** The contact data and the representative (null: none) as corrected by staff, all in one update. */
    public void correctContact(long id, Contact contact, Representative rep) {
        update(
                """
                update cmp_complaint set complainant_name = ?, complainant_email = ?, complainant_phone = ?, language = ?,
                    postal_address = ?, preferred_contact = ?, accessibility_needs = ?, accessibility_note = ?,
                    representative_name = ?, representative_email = ?, representative_phone = ?,
                    representative_postal_address = ?, representative_relation = ?, representative_consent = ?
                where id = ?""",
                contact.name(),
                contact.email(),
                contact.phone(),
                contact.language(),
                contact.postalAddress(),
                contact.preferredContact(),
                contact.accessibilityNeeds(),
                contact.accessibilityNote(),
                rep == null ? null : rep.name(),
                rep == null ? null : rep.email(),
                rep == null ? null : rep.phone(),
                rep == null ? null : rep.postalAddress(),
                rep == null ? null : rep.relation(),
                rep != null && rep.consentRecorded(),
                id);
    }

    /** The response time limit judged again, once the answer of a closed complaint has actually gone out. */
    public void recordResponseSla(long id, Boolean met) {
        update("update cmp_complaint set response_sla_met = ? where id = ?", met, id);
    }

    public void addInformation(long id, String channel, String content, Instant at) {
        jdbc.sql("insert into cmp_added_information (complaint_id, added_at, channel, content) values (?, ?, ?, ?)")
                .params(id, ts(at), channel, content)
                .update();
    }

    /** Who may see and work the complaint: its confidentiality, the staff it names, a legal hold. */
    public AccessMarkings accessMarkings(long id) {
        return markings.get(id, this::loadMarkings);
    }

    private AccessMarkings loadMarkings(long id) {
        return jdbc.sql("""
                select confidential, named_staff, legal_hold, legal_hold_reason, process_instance_id, reference,
                    anonymised_at
                from cmp_complaint where id = ?""")
                .param(id)
                .query((rs, n) -> mapMarkings(id, rs))
                .optional()
                .orElseThrow(() -> new ComplaintNotFoundException("with id " + id));
    }

    private static AccessMarkings mapMarkings(long id, ResultSet rs) throws SQLException {
        return new AccessMarkings(
                id,
                rs.getString("reference"),
                rs.getBoolean("confidential"),
                AccessMarkings.parseStaff(rs.getString("named_staff")),
                rs.getBoolean("legal_hold"),
                rs.getString("legal_hold_reason"),
                rs.getString("process_instance_id"),
                rs.getObject("anonymised_at") != null);
    }

    public void markAccess(long id, boolean confidential, List<String> namedStaff) {
        updateMarkings(
                "update cmp_complaint set confidential = ?, named_staff = ? where id = ?",
                confidential,
                namedStaff.isEmpty() ? null : String.join(",", namedStaff),
                id);
    }

    public void setLegalHold(long id, boolean held, String reason) {
        updateMarkings(
                "update cmp_complaint set legal_hold = ?, legal_hold_reason = ? where id = ?",
                held,
                held ? reason : null,
                id);
    }

    /**
     * Opens a closed complaint again (reopening, ISO 10002 7.3): the closure's time and reason are cleared (the
     * event log and {@code cmp_reopening} keep them), the response clock restarts at {@code reopenedAt} with its
     * new committed date, and a duplicate's link to the complaint it repeated ends. The stage follows when the
     * new process instance enters the assessment.
     */
    public void reopen(long id, Instant reopenedAt, Instant responseDeadline) {
        update("""
                update cmp_complaint set closed_at = null, closure_reason = null, response_sla_met = null,
                    duplicate_of = null, reopened_at = ?, response_deadline = ?
                where id = ?""", ts(reopenedAt), ts(responseDeadline), id);
    }

    /** When the complaint was last reopened: its response time counts from then; empty if never. */
    public Optional<Instant> reopenedAt(long id) {
        return jdbc.sql("select reopened_at from cmp_complaint where id = ?")
                .param(id)
                .query((rs, row) -> Optional.ofNullable(instant(rs, "reopened_at")))
                .optional()
                .flatMap(value -> value);
    }

    /** Links a complaint as a duplicate of {@code originalId}, the complaint it repeats. */
    public void markDuplicate(long id, long originalId) {
        update("update cmp_complaint set duplicate_of = ? where id = ?", originalId, id);
    }

    /** The id of the complaint this one duplicates; empty if it is no duplicate. */
    public Optional<Long> duplicateOf(long id) {
        return jdbc.sql("select duplicate_of from cmp_complaint where id = ?")
                .param(id)
                .query((rs, row) -> Optional.ofNullable((Long) rs.getObject("duplicate_of", Long.class)))
                .optional()
                .flatMap(value -> value);
    }

    /** An update of columns other than the access markings'. */
    private void update(String sql, Object... params) {
        complaints.forget((Long) params[params.length - 1]);
        write(sql, params);
    }

    /** An update of the access markings (and perhaps other columns). */
    private void updateMarkings(String sql, Object... params) {
        forget((Long) params[params.length - 1]);
        write(sql, params);
    }

    /** An update of one complaint, its id the last parameter. */
    private void write(String sql, Object... params) {
        int rows = jdbc.sql(sql).params(params).update();
        if (rows == 0) {
            throw new ComplaintNotFoundException("with id " + params[params.length - 1]);
        }
    }

    private void forget(long id) {
        complaints.forget(id);
        markings.forget(id);
    }

    /** The columns {@link #map} and {@link #mapMarkings} read. */
    private static final String[] COLUMNS = {
        "id",
        "reference",
        "stage",
        "channel",
        "received_at",
        "received_by",
        "complainant_name",
        "complainant_email",
        "complainant_phone",
        "language",
        "product_or_service",
        "description",
        "incident_date",
        "remedy_sought",
        "severity",
        "impact",
        "category",
        "safety_relevant",
        "priority",
        "handling_group",
        "response_days",
        "response_deadline",
        "deadline_revised_at",
        "acknowledged_at",
        "in_scope",
        "scope_reason",
        "root_cause",
        "related_count",
        "outcome",
        "decided_at",
        "review_round",
        "external_referral",
        "closed_at",
        "closure_reason",
        "ack_sla_met",
        "response_sla_met",
        "process_instance_id",
        "tracking_token",
        "confidential",
        "named_staff",
        "legal_hold",
        "legal_hold_reason",
        "anonymised_at",
        "postal_address",
        "preferred_contact",
        "accessibility_needs",
        "accessibility_note",
        "representative_name",
        "representative_email",
        "representative_phone",
        "representative_postal_address",
        "representative_relation",
        "representative_consent"
    };

    static Complaint map(ResultSet rs, int row) throws SQLException {
        return new Complaint(
                rs.getLong("id"),
                rs.getString("reference"),
                ComplaintStage.valueOf(rs.getString("stage")),
                new Receipt(
                        rs.getString("channel"),
                        instant(rs, "received_at"),
                        rs.getString("received_by"),
                        instant(rs, "acknowledged_at")),
                new Contact(
                        rs.getString("complainant_name"),
                        rs.getString("complainant_email"),
                        rs.getString("complainant_phone"),
                        rs.getString("language"),
                        rs.getString("postal_address"),
                        rs.getString("preferred_contact"),
                        rs.getString("accessibility_needs"),
                        rs.getString("accessibility_note")),
                new Subject(
                        rs.getString("product_or_service"),
                        rs.getString("description"),
                        rs.getObject("incident_date", LocalDate.class),
                        rs.getString("remedy_sought")),
                new Classification(
                        rs.getString("severity"),
                        rs.getString("impact"),
                        rs.getString("category"),
                        rs.getBoolean("safety_relevant")),
                new Handling(
                        rs.getString("priority"),
                        rs.getString("handling_group"),
                        integer(rs, "response_days"),
                        instant(rs, "response_deadline"),
                        instant(rs, "deadline_revised_at")),
                new Resolution(
                        bool(rs, "in_scope"),
                        rs.getString("scope_reason"),
                        rs.getString("root_cause"),
                        integer(rs, "related_count"),
                        rs.getString("outcome"),
                        instant(rs, "decided_at"),
                        rs.getInt("review_round"),
                        rs.getBoolean("external_referral")),
                new Closure(
                        instant(rs, "closed_at"),
                        rs.getString("closure_reason"),
                        bool(rs, "ack_sla_met"),
                        bool(rs, "response_sla_met")),
                rs.getString("process_instance_id"),
                rs.getString("tracking_token"),
                representative(rs));
    }

    private static Representative representative(ResultSet rs) throws SQLException {
        String name = rs.getString("representative_name");
        if (name == null) {
            return null;
        }
        return new Representative(
                name,
                rs.getString("representative_email"),
                rs.getString("representative_phone"),
                rs.getString("representative_postal_address"),
                rs.getString("representative_relation"),
                rs.getBoolean("representative_consent"));
    }
}
