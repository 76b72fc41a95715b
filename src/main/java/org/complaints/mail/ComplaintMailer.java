package org.complaints.mail;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.complaints.register.Complaint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one mail path: template + language, a deterministic Message-ID, at most once per reference and dedup key,
 * through the outbox.
 *
 * <p>Process steps call the {@code queue...} methods: the message is rendered (so it says what the step decided)
 * and written to the outbox in the step's own transaction, the engine's. Nothing leaves until that transaction
 * commits, and a step that rolls back leaves no message; a repeated step finds its message and adds none.
 * {@link OutboxSender} delivers it, records the copy and the MAIL_SENT event, and does what the sending step
 * waits for (acknowledgement time, decision communicated; see {@link MailSentListener}).
 */
@Service
public class ComplaintMailer {

    private static final Logger LOG = LoggerFactory.getLogger(ComplaintMailer.class);

    private final MailTemplates templates;
    private final MailOutbox outbox;
    private final MailProperties properties;
    private final PublicLinks links;
    private final Clock clock;

    public ComplaintMailer(
            MailTemplates templates, MailOutbox outbox, MailProperties properties, PublicLinks links, Clock clock) {
        this.templates = templates;
        this.outbox = outbox;
        this.properties = properties;
        this.links = links;
        this.clock = clock;
    }

    /** Queues {@code template} to the complainant in their language; false when it was queued or sent before. */
    public boolean queueToComplainant(
            Complaint complaint, String template, String dedupKey, Map<String, Object> model) {
        // a complainant reached by post or phone only gets no e-mail; the step goes on without one
        if (complaint.complainantEmail() == null) {
            LOG.info("No e-mail '{}' for {}: the complainant has no e-mail address", template, complaint.reference());
            return false;
        }
        return queue(forComplainant(complaint, template, dedupKey, model));
    }

    /** Queues {@code template} about a complaint to staff, in the staff language; false when queued before. */
    public boolean queueToStaff(
            Complaint complaint, String template, String dedupKey, List<String> recipients, Map<String, Object> model) {
        return queue(render(complaint, template, dedupKey, properties.staffLanguage(), recipients, model));
    }

    /**
     * Queues {@code template} to staff, in the staff language, about something other than one complaint (a
     * corrective action, ISO 10002 8.7): same templates, outbox and Message-ID scheme. Its listener records it
     * where it belongs; false when queued before.
     */
    public boolean queueStaffNotice(
            String reference, String template, String dedupKey, List<String> recipients, Map<String, Object> model) {
        Map<String, Object> fullModel = new HashMap<>(model);
        fullModel.putIfAbsent("reference", reference);
        fullModel.putIfAbsent("organisation", properties.organisation());
        return outbox.add(
                compose(null, reference, template, dedupKey, properties.staffLanguage(), recipients, fullModel),
                clock.instant());
    }

    /**
     * Renders {@code template} for the complainant without queueing it: for a sender with an outbox of its own
     * (survey invitations), which delivers it with {@link SmtpDelivery} and records it with {@link SentMailRecorder}.
     */
    public OutgoingMail forComplainant(
            Complaint complaint, String template, String dedupKey, Map<String, Object> model) {
        return render(
                complaint, template, dedupKey, complaint.language(), List.of(complaint.complainantEmail()), model);
    }

    private boolean queue(OutgoingMail mail) {
        return outbox.add(mail, clock.instant());
    }

    private OutgoingMail render(
            Complaint complaint,
            String template,
            String dedupKey,
            String language,
            List<String> recipients,
            Map<String, Object> model) {
        Map<String, Object> fullModel = new HashMap<>(model);
        fullModel.putIfAbsent("reference", complaint.reference());
        fullModel.putIfAbsent("name", complaint.complainantName());
        fullModel.putIfAbsent("organisation", properties.organisation());
        fullModel.putIfAbsent("statusUrl", links.statusUrl(complaint.reference(), complaint.trackingToken()));
        return compose(complaint.id(), complaint.reference(), template, dedupKey, language, recipients, fullModel);
    }

    private OutgoingMail compose(
            Long complaintId,
            String reference,
            String template,
            String dedupKey,
            String language,
            List<String> recipients,
            Map<String, Object> model) {
        MailTemplates.RenderedMail mail = templates.render(template, language, model);
        String messageId = "<" + dedupKey + "." + reference + "@" + properties.messageIdDomain() + ">";
        return new OutgoingMail(
                complaintId,
                reference,
                dedupKey,
                template,
                language,
                List.copyOf(recipients),
                mail.subject(),
                mail.body(),
                messageId);
    }
}
