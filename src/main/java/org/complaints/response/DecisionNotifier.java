package org.complaints.response;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.complaints.deadlines.Deadlines;
import org.complaints.mail.ComplaintMailer;
import org.complaints.mail.DeliveryDatedMail;
import org.complaints.mail.DeliveryWay;
import org.complaints.mail.MailFormats;
import org.complaints.mail.MailSentListener;
import org.complaints.mail.OutgoingMail;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.Decision;
import org.complaints.register.DecisionRegister;
import org.complaints.register.EventLog;
import org.springframework.stereotype.Service;

/**
 * Communicating the decision (ISO 10002 7.8): decision, reasons and the recourse still open, in the
 * complainant's language; the copy stays in the register. The step queues the e-mail; the decision counts as
 * communicated when it has actually gone out. A letter or call tells the date by which to react counted from the
 * day it reaches the complainant ({@link DeliveryDatedMail}).
 */
@Service
public class DecisionNotifier implements MailSentListener, DeliveryDatedMail {

    private static final String FIRST = "decision";
    private static final String REVIEWED = "review-decision";
    private static final String KEY_PREFIX = "decision-";

    private final ComplaintRegister register;
    private final DecisionRegister decisions;
    private final ComplaintMailer mailer;
    private final MailFormats formats;
    private final Deadlines deadlines;
    private final RecourseProperties recourse;
    private final EventLog events;
    private final ReactionPeriod reactionPeriod;

    public DecisionNotifier(
            ComplaintRegister register,
            DecisionRegister decisions,
            ComplaintMailer mailer,
            MailFormats formats,
            Deadlines deadlines,
            RecourseProperties recourse,
            EventLog events,
            ReactionPeriod reactionPeriod) {
        this.register = register;
        this.decisions = decisions;
        this.mailer = mailer;
        this.formats = formats;
        this.deadlines = deadlines;
        this.recourse = recourse;
        this.events = events;
        this.reactionPeriod = reactionPeriod;
    }

    /** Queues the decision of {@code round}; returns until when the complainant can react. */
    public Date communicate(long complaintId, int round) {
        Complaint complaint = register.get(complaintId);
        Date reactionDeadline = deadlines.reactionDeadline();
        mailer.queueToComplainant(
                complaint,
                round == 1 ? FIRST : REVIEWED,
                KEY_PREFIX + round,
                model(complaint, round, reactionDeadline));
        return reactionDeadline;
    }

    /** The decision as it reads when it reaches the complainant at {@code at}: the reaction period from then. */
    @Override
    public OutgoingMail reachingAt(OutgoingMail produced, Instant at) {
        Complaint complaint = register.get(produced.complaintId());
        return mailer.forComplainant(
                complaint,
                produced.template(),
                produced.dedupKey(),
                model(complaint, round(produced), deadlines.reactionDeadline(at)));
    }

    private Map<String, Object> model(Complaint complaint, int round, Date reactionDeadline) {
        Decision decision = decisions.get(complaint.id(), round);
        Map<String, Object> model = new HashMap<>();
        model.put("outcome", decision.outcome());
        model.put("remedy", decision.remedy());
        model.put(
                "monetaryRemedy",
                decision.monetaryRemedy() == null || decision.monetaryRemedy().signum() == 0
                        ? null
                        : decision.monetaryRemedy().toPlainString());
        model.put("moneyKey", moneyKey("mail.decision.money.", decision.remedyKind()));
        model.put("reasons", decision.reasons());
        model.put("reactionDate", formats.date(reactionDeadline.toInstant(), complaint.language()));
        model.put("externalBody", recourse.externalBody());
        model.put("externalBodyUrl", recourse.externalBodyUrl());
        return model;
    }

    private static int round(OutgoingMail mail) {
        return Integer.parseInt(mail.dedupKey().substring(KEY_PREFIX.length()));
    }

    /**
     * The message key that names the money (ISO 10002 7.9): a refund, compensation or goodwill gesture is told as
     * what it is; a decision recorded before the kind was asked for shows a neutral "amount".
     */
    private static String moneyKey(String prefix, String remedyKind) {
        return prefix + (RemedyKinds.isMoney(remedyKind) ? remedyKind : "amount");
    }

    @Override
    public Set<String> templates() {
        return Set.of(FIRST, REVIEWED);
    }

    @Override
    public void sent(OutgoingMail mail, Instant sentAt) {
        communicated(mail, sentAt, DeliveryWay.EMAIL);
    }

    /** A decision posted or told by phone: the reaction period counts from then (7.8, 7.9). */
    @Override
    public void deliveredOtherwise(OutgoingMail mail, Instant deliveredAt, DeliveryWay way) {
        communicated(mail, deliveredAt, way);
        reactionPeriod.countFrom(mail.complaintId(), deliveredAt);
    }

    private void communicated(OutgoingMail mail, Instant at, DeliveryWay way) {
        int round = round(mail);
        Decision decision = decisions.get(mail.complaintId(), round);
        decisions.markCommunicated(mail.complaintId(), round, at);
        events.append(
                mail.complaintId(),
                "DECISION_COMMUNICATED",
                "system",
                "Decision of round " + round + " (" + decision.outcome() + ") communicated to the complainant "
                        + way.words(),
                null);
    }
}
