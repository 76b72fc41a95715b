package org.complaints.tracking;

import java.time.Instant;
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
    private final ComplaintStatusService status;

    public StatusUpdateService(
            ComplaintRegister register, ComplaintMailer mailer, MailFormats formats, ComplaintStatusService status) {
        this.status = status;
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
        // the same committed date as the status page, except while the decision awaits an answer: the decision
        // mail gave that date, next to the answer it asks for
        Instant committed =
                complaint.stage() == ComplaintStage.AWAITING_REACTION ? null : status.committedDate(complaint);
        model.put("committedKey", "mail.status-update.committed" + committedSuffix(complaint.stage()));
        model.put("committedDate", committed == null ? null : formats.date(committed, complaint.language()));
        mailer.queueToComplainant(complaint, "status-update", "status-update-" + occasion, model);
    }

    /**
     * The stage's wording of the committed date: the decision, the review outcome, the remedy, the complainant's
     * answer about external dispute resolution or the external outcome.
     */
    static String committedSuffix(ComplaintStage stage) {
        return switch (stage) {
            case INTERNAL_REVIEW -> "-review";
            case REMEDY -> "-remedy";
            case REFERRAL_DECISION -> "-referral-answer";
            case SCOPE_DECIDED -> "-scope-open";
            case EXTERNAL_REVIEW -> "-external";
            default -> "";
        };
    }
}
