package org.complaints.response;

import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.complaints.deadlines.Deadlines;
import org.complaints.mail.ComplaintMailer;
import org.complaints.mail.MailFormats;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.Decision;
import org.complaints.register.DecisionRegister;
import org.complaints.register.EventLog;
import org.springframework.stereotype.Service;

/**
 * Communicating the decision (ISO 10002 7.8): decision, reasons and the recourse still open, in the
 * complainant's language; the copy stays in the register.
 */
@Service
public class DecisionNotifier {

    private final ComplaintRegister register;
    private final DecisionRegister decisions;
    private final ComplaintMailer mailer;
    private final MailFormats formats;
    private final Deadlines deadlines;
    private final RecourseProperties recourse;
    private final EventLog events;
    private final Clock clock;

    public DecisionNotifier(ComplaintRegister register, DecisionRegister decisions, ComplaintMailer mailer,
                            MailFormats formats, Deadlines deadlines, RecourseProperties recourse, EventLog events,
                            Clock clock) {
        this.register = register;
        this.decisions = decisions;
        this.mailer = mailer;
        this.formats = formats;
        this.deadlines = deadlines;
        this.recourse = recourse;
        this.events = events;
        this.clock = clock;
    }

    /** Sends the decision of {@code round}; returns until when the complainant can react. */
    public Date communicate(long complaintId, int round) {
        Complaint complaint = register.get(complaintId);
        Decision decision = decisions.get(complaintId, round);
        Date reactionDeadline = deadlines.reactionDeadline();
        Map<String, Object> model = new HashMap<>();
        model.put("outcome", decision.outcome());
        model.put("remedy", decision.remedy());
        model.put("monetaryRemedy", decision.monetaryRemedy() == null || decision.monetaryRemedy().signum() == 0
                ? null : decision.monetaryRemedy().toPlainString());
        model.put("reasons", decision.reasons());
        model.put("reactionDate", formats.date(reactionDeadline.toInstant(), complaint.language()));
        model.put("externalBody", recourse.externalBody());
        model.put("externalBodyUrl", recourse.externalBodyUrl());
        String template = round == 1 ? "decision" : "review-decision";
        mailer.sendToComplainant(complaint, template, "decision-" + round, model);
        // logged once: also when a rolled-back earlier attempt already sent the mail
        if (decision.communicatedAt() == null) {
            events.append(complaintId, "DECISION_COMMUNICATED", "system", "Decision of round " + round
                    + " (" + decision.outcome() + ") sent to the complainant", null);
        }
        decisions.markCommunicated(complaintId, round, clock.instant());
        return reactionDeadline;
    }
}
