package org.complaints.reopening;

import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.complaints.engine.authorization.EngineAuthority;
import org.complaints.mail.ComplaintMailer;
import org.complaints.mail.PublicLinks;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.springframework.stereotype.Service;

/**
 * Duplicates (ISO 10002 7.3, 7.9): a complaint that repeats an open complaint of the same complainant is linked to
 * it and closes with the reason {@code DUPLICATE}, through the message {@code ComplaintMarkedDuplicate} into its
 * own process (which ends cleanly and tells the complainant which reference to follow). Its information and
 * attachments stay in its own register row and show on the other complaint's file.
 */
@Service
public class Duplicates {

    public static final String MESSAGE = "ComplaintMarkedDuplicate";
    public static final String TEMPLATE = "duplicate-notice";

    private final ComplaintRegister register;
    private final EventLog events;
    private final RuntimeService runtime;
    private final EngineAuthority authority;
    private final ComplaintMailer mailer;
    private final PublicLinks links;

    Duplicates(
            ComplaintRegister register,
            EventLog events,
            RuntimeService runtime,
            EngineAuthority authority,
            ComplaintMailer mailer,
            PublicLinks links) {
        this.register = register;
        this.events = events;
        this.runtime = runtime;
        this.authority = authority;
        this.mailer = mailer;
        this.links = links;
    }

    /**
     * Links {@code duplicateId} as a duplicate of {@code originalId} and closes it, in the caller's transaction;
     * who may, and that they see both, the caller has checked. 409 when the duplicate is closed, the other is
     * closed or itself a duplicate, the two are of different complainants, or the duplicate's process cannot take
     * the message right now.
     */
    public void mark(long duplicateId, long originalId, String actor) {
        Complaint duplicate = register.get(duplicateId);
        Complaint original = register.get(originalId);
        if (duplicate.isClosed()) {
            throw Reopenings.conflict(
                    "duplicate-closed",
                    "Complaint " + duplicate.reference() + " is already closed ("
                            + duplicate.closureReason().toLowerCase(Locale.ROOT).replace('_', ' ')
                            + "); reopen it first to link it as a duplicate.");
        }
        if (register.duplicateOf(originalId).isPresent()) {
            throw Reopenings.conflict(
                    "duplicate-of-duplicate",
                    "Complaint " + original.reference()
                            + " is itself a duplicate; link to the complaint it duplicates.");
        }
        if (original.isClosed()) {
            throw Reopenings.conflict(
                    "duplicate-of-closed",
                    "Complaint " + original.reference() + " is closed, so nobody would follow it;"
                            + " reopen it first, or handle " + duplicate.reference() + " on its own.");
        }
        if (!sameComplainant(duplicate, original)) {
            // the complainant is told to follow the other reference, whose status page and e-mails are its owner's
            throw Reopenings.conflict(
                    "duplicate-other-complainant",
                    "Complaints " + duplicate.reference() + " and " + original.reference()
                            + " come from different complainants: a duplicate repeats the same person's complaint.");
        }
        register.markDuplicate(duplicateId, originalId);
        events.append(
                duplicateId,
                "MARKED_DUPLICATE",
                actor,
                "Marked as a duplicate of " + original.reference() + "; it continues there",
                null);
        events.append(
                originalId,
                "DUPLICATE_LINKED",
                actor,
                "Complaint " + duplicate.reference()
                        + " linked as a duplicate of this one; its information and attachments show here",
                null);
        try {
            authority.withoutAuthorization(() -> runtime.createMessageCorrelation(MESSAGE)
                    .processInstanceBusinessKey(duplicate.reference())
                    .correlateWithResult());
        } catch (MismatchingMessageCorrelationException e) {
            throw Reopenings.conflict(
                    "duplicate-busy",
                    "Complaint " + duplicate.reference()
                            + " cannot take the change right now (its process is busy or suspended); try again in a minute.");
        }
    }

    /** Task_SendDuplicateNotice: once per process instance (a complaint reopened and linked again is told again). */
    void sendNotice(long duplicateId, String processInstanceId) {
        Complaint duplicate = register.get(duplicateId);
        Complaint original = register.get(register.duplicateOf(duplicateId)
                .orElseThrow(() -> new IllegalStateException(
                        "Complaint " + duplicate.reference() + " is not linked as a duplicate")));
        mailer.queueToComplainant(
                duplicate,
                TEMPLATE,
                TEMPLATE + "-" + processInstanceId,
                Map.of(
                        "otherReference",
                        original.reference(),
                        "otherStatusUrl",
                        links.statusUrl(original.reference(), original.trackingToken())));
    }

    static boolean sameComplainant(Complaint a, Complaint b) {
        return same(a.complainantEmail(), b.complainantEmail()) || same(phone(a), phone(b));
    }

    private static boolean same(String a, String b) {
        return a != null && !a.isBlank() && a.equalsIgnoreCase(b);
    }

    private static String phone(Complaint c) {
        return c.complainantPhone() == null ? null : c.complainantPhone().replaceAll("[^0-9+]", "");
    }
}
