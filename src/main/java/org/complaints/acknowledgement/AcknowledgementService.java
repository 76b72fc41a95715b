package org.complaints.acknowledgement;

import java.util.Map;
import org.complaints.deadlines.Deadlines;
import org.complaints.mail.ComplaintMailer;
import org.complaints.mail.MailFormats;
import org.complaints.mail.MailLog;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.springframework.stereotype.Service;

/** Acknowledgement (ISO 10002 7.4): reference, what happens next and the committed response date. */
@Service
public class AcknowledgementService {

    static final String TEMPLATE = "acknowledgement";

    private final ComplaintRegister register;
    private final ComplaintMailer mailer;
    private final MailLog mailLog;
    private final MailFormats formats;
    private final EventLog events;
    private final Deadlines deadlines;

    public AcknowledgementService(ComplaintRegister register, ComplaintMailer mailer, MailLog mailLog,
                                  MailFormats formats, EventLog events, Deadlines deadlines) {
        this.deadlines = deadlines;
        this.register = register;
        this.mailer = mailer;
        this.mailLog = mailLog;
        this.formats = formats;
        this.events = events;
    }

    public void acknowledge(long complaintId) {
        Complaint complaint = register.get(complaintId);
        mailer.sendToComplainant(complaint, TEMPLATE, TEMPLATE, Map.of(
                "receivedDate", formats.date(complaint.receivedAt(), complaint.language()),
                "committedDate", formats.date(complaint.responseDeadline(), complaint.language())));
        // the acknowledgement time is when the mail went out, also when this step runs a second time
        mailLog.sentAt(complaintId, TEMPLATE).ifPresent(at -> register.markAcknowledged(complaintId, at,
                !at.isAfter(deadlines.acknowledgementDue(complaint.receivedAt()))));
        // logged once: also when a rolled-back earlier attempt already sent the mail
        if (complaint.acknowledgedAt() == null) {
            events.append(complaintId, "ACKNOWLEDGED", "system",
                    "Acknowledged by e-mail with committed response date "
                            + formats.date(complaint.responseDeadline(), "en"), null);
        }
    }
}
