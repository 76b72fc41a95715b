package org.complaints.closure;

import java.util.Date;
import java.util.Map;
import org.complaints.deadlines.Deadlines;
import org.complaints.mail.ComplaintMailer;
import org.complaints.mail.MailFormats;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.response.RecourseProperties;
import org.springframework.stereotype.Service;

/**
 * The ISO 10003 step after a second rejection (ISO 10002 7.8, 7.9): the complainant is told which external
 * dispute-resolution body they can take the complaint to and asked whether they do, by a date; the answer comes
 * back through the status page or the API (message {@code ExternalReferralAnswered}).
 */
@Service
public class ExternalReferralOffers {

    static final String TEMPLATE = "external-referral-offer";

    private final ComplaintRegister register;
    private final ComplaintMailer mailer;
    private final MailFormats formats;
    private final Deadlines deadlines;
    private final RecourseProperties recourse;

    public ExternalReferralOffers(
            ComplaintRegister register,
            ComplaintMailer mailer,
            MailFormats formats,
            Deadlines deadlines,
            RecourseProperties recourse) {
        this.register = register;
        this.mailer = mailer;
        this.formats = formats;
        this.deadlines = deadlines;
        this.recourse = recourse;
    }

    /** Queues the question; returns the date by which the complainant can answer. */
    public Date offer(long complaintId) {
        Complaint complaint = register.get(complaintId);
        Date answerBy = deadlines.referralAnswerDeadline();
        mailer.queueToComplainant(
                complaint,
                TEMPLATE,
                TEMPLATE,
                Map.of(
                        "externalBody", recourse.externalBody(),
                        "externalBodyUrl", recourse.externalBodyUrl(),
                        "answerDate", formats.date(answerBy.toInstant(), complaint.language())));
        return answerBy;
    }
}
