package org.complaints.acknowledgement;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.complaints.deadlines.Deadlines;
import org.complaints.mail.ComplaintMailer;
import org.complaints.mail.DeliveryWay;
import org.complaints.mail.MailFormats;
import org.complaints.mail.MailSentListener;
import org.complaints.mail.OutgoingMail;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.springframework.stereotype.Service;

/**
 * Acknowledgement (ISO 10002 7.4): reference, what happens next and the committed response date. The step queues
 * the e-mail; the complaint counts as acknowledged when it has actually gone out.
 */
@Service
public class AcknowledgementService implements MailSentListener {

    static final String TEMPLATE = "acknowledgement";

    private final ComplaintRegister register;
    private final ComplaintMailer mailer;
    private final MailFormats formats;
    private final EventLog events;
    private final Deadlines deadlines;

    public AcknowledgementService(
            ComplaintRegister register,
            ComplaintMailer mailer,
            MailFormats formats,
            EventLog events,
            Deadlines deadlines) {
        this.deadlines = deadlines;
        this.register = register;
        this.mailer = mailer;
        this.formats = formats;
        this.events = events;
    }

    /** Queues the acknowledgement; a repeated step queues nothing. */
    public void acknowledge(long complaintId) {
        Complaint complaint = register.get(complaintId);
        mailer.queueToComplainant(
                complaint,
                TEMPLATE,
                TEMPLATE,
                Map.of(
                        "receivedDate", formats.date(complaint.receivedAt(), complaint.language()),
                        "committedDate", formats.date(complaint.responseDeadline(), complaint.language())));
    }

    @Override
    public Set<String> templates() {
        return Set.of(TEMPLATE);
    }

    /** The acknowledgement time is when the e-mail went out, not when the step queued it. */
    @Override
    public void sent(OutgoingMail mail, Instant sentAt) {
        acknowledged(mail, sentAt, DeliveryWay.EMAIL);
    }

    /** A letter posted or a call that reached them: acknowledged then, and the event says which. */
    @Override
    public void deliveredOtherwise(OutgoingMail mail, Instant deliveredAt, DeliveryWay way) {
        acknowledged(mail, deliveredAt, way);
    }

    private void acknowledged(OutgoingMail mail, Instant at, DeliveryWay way) {
        Complaint complaint = register.get(mail.complaintId());
        register.markAcknowledged(
                complaint.id(), at, !at.isAfter(deadlines.acknowledgementDue(complaint.receivedAt())));
        events.append(
                complaint.id(),
                "ACKNOWLEDGED",
                "system",
                "Acknowledged " + way.words() + " with committed response date "
                        + formats.date(complaint.responseDeadline(), "en"),
                null);
    }
}
