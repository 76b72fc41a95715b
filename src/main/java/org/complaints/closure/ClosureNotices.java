package org.complaints.closure;

import java.util.Map;
import org.complaints.mail.ComplaintMailer;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.springframework.stereotype.Service;

/** The last e-mails of a complaint: closure notice and withdrawal confirmation (ISO 10002 7.3, 7.9). */
@Service
public class ClosureNotices {

    private final ComplaintRegister register;
    private final ComplaintMailer mailer;

    public ClosureNotices(ComplaintRegister register, ComplaintMailer mailer) {
        this.register = register;
        this.mailer = mailer;
    }

    /**
     * The closure notice says what is true (ISO 10002 7.9): why the complaint closed, and whether a promised remedy
     * was carried out or none was promised.
     */
    public void sendClosureNotice(long complaintId, boolean remedyCarriedOut) {
        Complaint complaint = register.get(complaintId);
        mailer.queueToComplainant(
                complaint,
                "closure-notice",
                "closure-notice",
                Map.of(
                        "closureReason",
                        complaint.closureReason(),
                        "remedyState",
                        remedyCarriedOut ? "carried-out" : "none"));
    }

    public void confirmWithdrawal(long complaintId) {
        mailer.queueToComplainant(
                register.get(complaintId), "withdrawal-confirmation", "withdrawal-confirmation", Map.of());
    }
}
