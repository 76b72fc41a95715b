package org.complaints.closure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.complaints.engine.InvalidInputException;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.springframework.stereotype.Service;

/**
 * A complaint the complainant took to the external dispute-resolution body (ISO 10002 7.9, ISO 10003): the referral
 * enters the register with the body, the date and the body's case reference, and the complaint stays open until
 * the outcome is recorded.
 */
@Service
public class ExternalReferrals {

    private final ComplaintRegister register;
    private final EventLog events;

    public ExternalReferrals(ComplaintRegister register, EventLog events) {
        this.register = register;
        this.events = events;
    }

    /** Records the referral; refuses one without the body or the date, naming each missing field. */
    public void record(
            long complaintId, String body, LocalDate referredAt, String caseReference, String notes, String manager) {
        List<String> problems = new ArrayList<>();
        if (body == null) {
            problems.add("adrBody: name the external dispute-resolution body");
        }
        if (referredAt == null) {
            problems.add("referredAt: the date of the referral is required");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        register.markExternalReferral(complaintId);
        events.append(
                complaintId,
                "EXTERNAL_REFERRAL",
                manager,
                "Referred to " + body + " on " + referredAt
                        + (caseReference == null ? "" : " (case " + caseReference + ")"),
                notes);
    }
}
