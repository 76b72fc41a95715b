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
import org.complaints.engine.privacy.HistoricFormFields;
import org.complaints.mail.MailOutbox;
import org.complaints.register.AccessMarkings;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.springframework.context.ApplicationEventPublisher;
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

    /** The diagram of a call ({@code letters.PhoneDelivery}), whose business key starts with the reference. */
    static final String CALL_PROCESS = "complainant-call";

    private final JdbcClient jdbc;
    private final ComplaintRegister register;
    private final EventLog events;
    private final AuditLog audit;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final TaskService tasks;
    private final EngineAuthority authority;
    private final MailOutbox outbox;
    private final HistoricFormFields formFields;
    private final ApplicationEventPublisher publisher;
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
            HistoricFormFields formFields,
            ApplicationEventPublisher publisher,
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
        this.formFields = formFields;
        this.publisher = publisher;
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
        // calls still to be made: their task shows the name, number and script, and nobody may call any more
        transaction.executeWithoutResult(tx -> authority.withoutAuthorization(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey(CALL_PROCESS)
                .processInstanceBusinessKeyLike(markings.reference() + "/%")
                .list()
                .forEach(call ->
                        runtime.deleteProcessInstance(call.getId(), "Personal data erased", true, true, true))));
        transaction.executeWithoutResult(tx -> {
            // waits for a survey invitation being sent right now, so its e-mail copy is there to be scrubbed
            jdbc.sql("select complaint_id from cmp_survey where complaint_id = ? for update")
                    .param(complaintId)
                    .query(Long.class)
                    .optional();
            // the same for an e-mail of the outbox; what has not gone out is cancelled, nothing personal stays
            outbox.erase(complaintId);
            authority.withoutAuthorization(() -> {
                removeEngineData(instance);
                removeCallHistory(markings.reference());
            });
            scrubRegister(complaintId);
            audit.redact(complaintId, instance);
            events.append(complaintId, "ANONYMISED", actor, "Personal data removed: " + reason, null);
        });
        // its waiting letters left the print queue unposted; the print queue's task follows (letters listens)
        publisher.publishEvent(new ComplainantDataErased(complaintId));
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

    /**
     * The history of the complaint's finished calls: their variables hold the addressee's name, number and the
     * script, while what each call was and how it went stays in {@code cmp_call}.
     */
    private void removeCallHistory(String reference) {
        history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(CALL_PROCESS)
                .processInstanceBusinessKeyLike(reference + "/%")
                .finished()
                .list()
                .forEach(call -> history.deleteHistoricProcessInstanceIfExists(call.getId()));
    }

    /**
     * References of the complaints whose letters, calls or e-mails to the representative still wait: the process
     * counts on them going out (a decision's time to react counts from posting), so they are posted or called first, then
     * the representative's data is removed.
     */
    public List<String> waitingForRepresentative(List<Long> complaintIds) {
        if (complaintIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select c.reference from cmp_complaint c where c.id in (:ids)
                and (exists (select 1 from cmp_letter l where l.complaint_id = c.id and l.posted_at is null)
                    or exists (select 1 from cmp_call k where k.complaint_id = c.id and k.outcome is null)
                    or exists (select 1 from cmp_mail_outbox o where o.complaint_id = c.id
                        and o.status in ('PENDING', 'FAILED') and c.representative_email is not null
                        and position(lower(c.representative_email) in lower(o.recipients)) > 0))
                order by c.reference""").param("ids", complaintIds).query(String.class).list();
    }

    /**
     * Removes a representative's personal data from a complaint they made on someone's behalf, when the
     * representative asks for it (GDPR art. 17): their name, e-mail, phone, postal address and relation leave the
     * register, and wherever the complaint's texts quote them (event summaries, the e-mail log, letters' and calls'
     * texts, audit payloads, the start form's variables in the engine's history) they are replaced or removed;
     * the letters' PDFs, which lay out the addressee's name and address, are deleted. The complainant's own data
     * and case stay: from now on the complaint's communications go to the complainant. A legal hold stops it.
     *
     * @return false if a legal hold kept the data
     */
    public boolean removeRepresentative(long complaintId, String reason, String actor) {
        AccessMarkings markings = register.accessMarkings(complaintId);
        if (markings.legalHold()) {
            return false;
        }
        String instance = markings.processInstanceId();
        transaction.executeWithoutResult(tx -> {
            events.writePending();
            // not the relation ("daughter"): it names nobody, and replacing the word would garble the texts
            Map<String, Object> personal =
                    jdbc.sql("""
                    select representative_name, representative_email, representative_phone,
                        representative_postal_address
                    from cmp_complaint where id = ? for update""").param(complaintId).query().singleRow();
            for (String text : quoted(personal.values())) {
                jdbc.sql("""
                        update cmp_event set summary = replace(summary, ?, ?), detail = replace(detail, ?, ?)
                        where complaint_id = ?""")
                        .params(text, ANONYMOUS, text, ANONYMOUS, complaintId)
                        .update();
                jdbc.sql("""
                        update cmp_mail set recipients = replace(recipients, ?, ?), body = replace(body, ?, ?)
                        where complaint_id = ?""")
                        .params(text, ANONYMOUS, text, ANONYMOUS, complaintId)
                        .update();
                jdbc.sql("update cmp_letter set body = replace(body, ?, ?) where complaint_id = ?")
                        .params(text, ANONYMOUS, complaintId)
                        .update();
                jdbc.sql("""
                        update cmp_call set script = replace(script, ?, ?), note = replace(note, ?, ?)
                        where complaint_id = ?""")
                        .params(text, ANONYMOUS, text, ANONYMOUS, complaintId)
                        .update();
                audit.redactMentioning(complaintId, instance, text);
            }
            jdbc.sql("update cmp_letter set pdf = null where complaint_id = ?")
                    .param(complaintId)
                    .update();
            jdbc.sql("""
                    update cmp_complaint set representative_name = null, representative_email = null,
                        representative_phone = null, representative_postal_address = null,
                        representative_relation = null, representative_consent = false
                    where id = ?""").param(complaintId).update();
            authority.withoutAuthorization(() -> {
                if (instance != null) {
                    // the start form's fields, kept in the history after the complaint was registered
                    history.createHistoricVariableInstanceQuery()
                            .processInstanceId(instance)
                            .variableNameLike("representative%")
                            .includeDeleted()
                            .list()
                            .forEach(v -> history.deleteHistoricVariableInstance(v.getId()));
                    formFields.delete(instance, "representative");
                }
                removeCallHistory(markings.reference());
            });
            events.append(
                    complaintId, "ANONYMISED", actor, "The representative's personal data removed: " + reason, null);
        });
        return true;
    }

    private void scrubRegister(long complaintId) {
        // an entry appended earlier in this transaction is written first, so it is scrubbed with the rest
        events.writePending();
        Map<String, Object> personal = jdbc.sql("""
                select complainant_name, complainant_email, complainant_phone, postal_address, accessibility_note,
                    representative_name, representative_email, representative_phone, representative_postal_address
                from cmp_complaint where id = ?""").param(complaintId).query().singleRow();
        // generated summaries may quote the complainant ("sent to jan@example.org"); they keep their meaning
        for (String text : quoted(personal.values())) {
            jdbc.sql("update cmp_event set summary = replace(summary, ?, ?) where complaint_id = ?")
                    .params(text, ANONYMOUS, complaintId)
                    .update();
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
        // a letter not posted yet and a call not made yet are not sent any more: out of the print queue and the
        // call list (their process instances ended above)
        jdbc.sql("delete from cmp_letter where complaint_id = ? and posted_at is null")
                .param(complaintId)
                .update();
        jdbc.sql("delete from cmp_call where complaint_id = ? and outcome is null")
                .param(complaintId)
                .update();
        // a letter's PDF and text name the addressee and their address, a call's script names them; that they
        // went, when and how stays
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

    /**
     * The texts to look for where generated texts quote a person: each value, and each line of a postal address on
     * its own (a posted letter's record joins the lines with commas); longest first, so a whole address goes before
     * its lines. Values too short to be told from ordinary words and placeholders already there are left out.
     */
    static List<String> quoted(java.util.Collection<Object> values) {
        java.util.Set<String> texts = new java.util.LinkedHashSet<>();
        for (Object value : values) {
            if (value instanceof String text) {
                texts.add(text.strip());
                for (String line : text.split("\\R")) {
                    texts.add(line.strip());
                }
            }
        }
        return texts.stream()
                .filter(text -> text.length() >= 3 && !text.startsWith("["))
                .sorted(java.util.Comparator.comparingInt(String::length).reversed())
                .toList();
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
