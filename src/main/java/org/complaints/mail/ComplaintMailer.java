package org.complaints.mail;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.complaints.register.Addressee;
import org.complaints.register.Complaint;
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

    private final MailTemplates templates;
    private final MailOutbox outbox;
    private final MailProperties properties;
    private final PublicLinks links;
    private final Clock clock;
    private final List<ComplainantDelivery> deliveries;

    public ComplaintMailer(
            MailTemplates templates,
            MailOutbox outbox,
            MailProperties properties,
            PublicLinks links,
            Clock clock,
            List<ComplainantDelivery> deliveries) {
        this.templates = templates;
        this.outbox = outbox;
        this.properties = properties;
        this.links = links;
        this.clock = clock;
        this.deliveries = List.copyOf(deliveries);
    }

    /**
     * Sends {@code template} to whom the complaint's communications go ({@link Complaint#addressee()}: the
     * complainant or their representative), in their language, the way they prefer: by e-mail through the outbox,
     * by post or phone through that way's {@link ComplainantDelivery}. False when it was produced before, by any
     * way: the same dedup key never reaches the complainant twice.
     */
    public boolean queueToComplainant(
            Complaint complaint, String template, String dedupKey, Map<String, Object> model) {
        OutgoingMail mail = forComplainant(complaint, template, dedupKey, model);
        Optional<ComplainantDelivery> other = otherWay(complaint);
        if (deliveries.stream().anyMatch(d -> d.produced(mail.reference(), mail.dedupKey()))) {
            return false;
        }
        return other.isPresent() ? other.get().deliver(complaint, mail) : queue(mail);
    }

    /**
     * The delivery of the addressee's preferred way when it is not e-mail (post, phone); empty for e-mail. A sender
     * with an outbox of its own (survey invitations) hands such a message to it instead of SMTP.
     */
    public Optional<ComplainantDelivery> otherWay(Complaint complaint) {
        String way = complaint.addressee().preferredContact();
        if (way == null || "email".equals(way)) {
            return Optional.empty();
        }
        return Optional.of(deliveries.stream()
                .filter(d -> d.way().equals(way))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "No delivery for the preferred way of contact '" + way + "' of " + complaint.reference())));
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
        Addressee to = complaint.addressee();
        Map<String, Object> addressed = new HashMap<>(model);
        // the greeting names whom the message goes to: the representative when one is recorded
        addressed.putIfAbsent("name", to.name());
        String language = to.language() == null ? complaint.language() : to.language();
        return render(
                complaint,
                template,
                dedupKey,
                language,
                to.email() == null ? List.of() : List.of(to.email()),
                addressed);
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
