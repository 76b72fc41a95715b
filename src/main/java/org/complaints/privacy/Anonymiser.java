package org.complaints.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.complaints.audit.AuditLog;
import org.complaints.engine.authorization.EngineAuthority;
import org.complaints.mail.MailOutbox;
import org.complaints.register.AccessMarkings;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes a complainant's personal data (GDPR storage limitation and erasure): name, e-mail address, phone,
 * every free text (also the survey comment), the survey link and the attachments leave the register, the e-mail
 * log, the audit payloads and the engine (runtime and history, variable details, comments, job logs); category,
 * dates, outcome, SLA figures and survey scores stay, so the statistics over the period still add up. A legal
 * hold stops it.
 */
@Service
public class Anonymiser {

    static final String REMOVED = "[removed]";
    static final String ANONYMOUS = "[anonymised]";

    private final JdbcClient jdbc;
    private final ComplaintRegister register;
    private final EventLog events;
    private final AuditLog audit;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final TaskService tasks;
    private final EngineAuthority authority;
    private final MailOutbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public Anonymiser(
            JdbcClient jdbc,
            ComplaintRegister register,
            EventLog events,
            AuditLog audit,
            RuntimeService runtime,
            HistoryService history,
            TaskService tasks,
            EngineAuthority authority,
            MailOutbox outbox,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.events = events;
        this.audit = audit;
        this.runtime = runtime;
        this.history = history;
        this.tasks = tasks;
        this.authority = authority;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Anonymises one complaint; repeatable (a run that stopped half-way is completed by the next). A complaint
     * still open is ended first: nobody can handle a complaint whose complainant may no longer be contacted.
     *
     * @return false if a legal hold kept the data
     */
    public boolean anonymise(long complaintId, String reason, String actor) {
        AccessMarkings markings = register.accessMarkings(complaintId);
        if (markings.legalHold()) {
            return false;
        }
        String instance = markings.processInstanceId();
        if (instance != null) {
            // the running instance first, in its own transaction: its history can only go once it has ended
            transaction.executeWithoutResult(tx -> authority.withoutAuthorization(() -> {
                if (runtime.createProcessInstanceQuery()
                                .processInstanceId(instance)
                                .count()
                        > 0) {
                    runtime.deleteProcessInstance(instance, "Personal data erased", true, true, true);
                    register.closeErased(complaintId, clock.instant());
                }
            }));
        }
        transaction.executeWithoutResult(tx -> {
            // waits for a survey invitation being sent right now, so its e-mail copy is there to be scrubbed
            jdbc.sql("select complaint_id from cmp_survey where complaint_id = ? for update")
                    .param(complaintId)
                    .query(Long.class)
                    .optional();
            // the same for an e-mail of the outbox; what has not gone out is cancelled, nothing personal stays
            outbox.erase(complaintId);
            authority.withoutAuthorization(() -> removeEngineData(instance));
            scrubRegister(complaintId);
            audit.redact(complaintId, instance);
            events.append(complaintId, "ANONYMISED", actor, "Personal data removed: " + reason, null);
        });
        return true;
    }

    private void removeEngineData(String instance) {
        if (instance == null) {
            return;
        }
        List<String> decisions =
                history.createHistoricDecisionInstanceQuery().processInstanceId(instance).list().stream()
                        .map(HistoricDecisionInstance::getId)
                        .toList();
        decisions.forEach(history::deleteHistoricDecisionInstanceByInstanceId);
        // variables, variable details, task and process comments, job logs, incidents, operation log
        history.deleteHistoricProcessInstanceIfExists(instance);
        tasks.getProcessInstanceComments(instance)
                .forEach(c -> tasks.deleteProcessInstanceComment(instance, c.getId()));
    }

    private void scrubRegister(long complaintId) {
        // an entry appended earlier in this transaction is written first, so it is scrubbed with the rest
        events.writePending();
        Map<String, Object> personal = jdbc.sql("""
                select complainant_name, complainant_email, complainant_phone, postal_address, accessibility_note,
                    representative_name, representative_email, representative_phone, representative_postal_address
                from cmp_complaint where id = ?""").param(complaintId).query().singleRow();
        // generated summaries may quote the complainant ("sent to jan@example.org"); they keep their meaning
        for (Object value : personal.values()) {
            if (value instanceof String text && text.length() >= 3 && !text.startsWith("[")) {
                jdbc.sql("update cmp_event set summary = replace(summary, ?, ?) where complaint_id = ?")
                        .params(text, ANONYMOUS, complaintId)
                        .update();
            }
        }
        jdbc.sql("update cmp_event set detail = null where complaint_id = ?")
                .param(complaintId)
                .update();
        register.removePersonalData(complaintId, ANONYMOUS, REMOVED, clock.instant());
        jdbc.sql("update cmp_decision set reasons = ?, remedy = null where complaint_id = ?")
                .params(REMOVED, complaintId)
                .update();
        jdbc.sql("update cmp_added_information set content = ? where complaint_id = ?")
                .params(REMOVED, complaintId)
                .update();
        // a reopening's reason is staff text about the complainant's case, which may quote them
        jdbc.sql("update cmp_reopening set reason = null where complaint_id = ?")
                .param(complaintId)
                .update();
        // the complaint is closed now: a message still waiting for its process has nowhere to go
        jdbc.sql("""
                update cmp_complainant_message set content = null,
                    status = case when status = 'PENDING' then 'AFTER_CLOSURE' else status end
                where complaint_id = ?""").param(complaintId).update();
        jdbc.sql("update cmp_mail set recipients = ?, body = ? where complaint_id = ?")
                .params(ANONYMOUS, REMOVED, complaintId)
                .update();
        // a letter's PDF and text name the addressee and their address; a call's script names them
        jdbc.sql("update cmp_letter set pdf = null, body = null where complaint_id = ?")
                .param(complaintId)
                .update();
        jdbc.sql("update cmp_call set script = null, note = null where complaint_id = ?")
                .param(complaintId)
                .update();
        // survey: the comment is the complainant's own text and the link is theirs; the scores stay for the figures
        jdbc.sql("""
                update cmp_survey set comment = null, status = case when status = 'PENDING' then 'CANCELLED' else status end
                where complaint_id = ?""").param(complaintId).update();
        jdbc.sql("delete from cmp_survey_token where complaint_id = ?")
                .param(complaintId)
                .update();
        jdbc.sql("delete from cmp_attachment where complaint_id = ?")
                .param(complaintId)
                .update();
        jdbc.sql("delete from cmp_idempotency where complaint_id = ?")
                .param(complaintId)
                .update();
        // a Message-ID may contain the sender's address; keep a digest so the message is still taken in once
        List<String> inbound =
                jdbc.sql("""
                select message_id from cmp_inbound_mail where complaint_id = ? and message_id not like 'sha256:%'""").param(complaintId).query(String.class).list();
        for (String messageId : inbound) {
            jdbc.sql("update cmp_inbound_mail set message_id = ?, note = null where message_id = ?")
                    .params(digest(messageId), messageId)
                    .update();
        }
    }

    /** The form an anonymised inbound Message-ID is kept in. */
    public static String digest(String messageId) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256")
                                    .digest(messageId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
