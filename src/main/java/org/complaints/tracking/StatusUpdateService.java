package org.complaints.tracking;

import java.util.HashMap;
import java.util.Map;
import org.complaints.mail.ComplaintMailer;
import org.complaints.mail.MailFormats;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.ComplaintStage;
import org.springframework.stereotype.Service;

/** Periodic status e-mails while a complaint is open (ISO 10002 7.3: the complainant told at pre-set points). */
@Service
public class StatusUpdateService {

    private final ComplaintRegister register;
    private final ComplaintMailer mailer;
    private final MailFormats formats;

    public StatusUpdateService(ComplaintRegister register, ComplaintMailer mailer, MailFormats formats) {
        this.register = register;
        this.mailer = mailer;
        this.formats = formats;
    }

    /** @param occasion identifies this update, so a retried step does not send it twice */
    public void sendUpdate(long complaintId, String occasion) {
        Complaint complaint = register.get(complaintId);
        if (complaint.stage() == ComplaintStage.CLOSED) {
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("stage", complaint.stage().name());
        // once decided, the committed date is history; the decision mail gave the next date
        boolean beforeDecision = complaint.decidedAt() == null;
        model.put(
                "committedDate",
                beforeDecision ? formats.date(complaint.responseDeadline(), complaint.language()) : null);
        mailer.queueToComplainant(complaint, "status-update", "status-update-" + occasion, model);
    }
}
