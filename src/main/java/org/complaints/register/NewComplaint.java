package org.complaints.register;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the register needs to record a complaint at receipt (ISO 10002 7.2). Validated by the intake: at least one of
 * e-mail, postal address and phone; {@code preferredContact} null means the default way (see {@link Contact}).
 */
public record NewComplaint(
        String channel,
        Instant receivedAt,
        String receivedBy,
        String complainantName,
        String complainantEmail,
        String complainantPhone,
        String language,
        String productOrService,
        String description,
        LocalDate incidentDate,
        String remedySought,
        String receiptNotes,
        String severity,
        String impact,
        String category,
        boolean safetyRelevant,
        String postalAddress,
        String preferredContact,
        String accessibilityNeeds,
        String accessibilityNote,
        Representative representative) {

    /** A complaint reached by e-mail or phone, without a postal address, representative or accessibility needs. */
    public NewComplaint(
            String channel,
            Instant receivedAt,
            String receivedBy,
            String complainantName,
            String complainantEmail,
            String complainantPhone,
            String language,
            String productOrService,
            String description,
            LocalDate incidentDate,
            String remedySought,
            String receiptNotes,
            String severity,
            String impact,
            String category,
            boolean safetyRelevant) {
        this(
                channel,
                receivedAt,
                receivedBy,
                complainantName,
                complainantEmail,
                complainantPhone,
                language,
                productOrService,
                description,
                incidentDate,
                remedySought,
                receiptNotes,
                severity,
                impact,
                category,
                safetyRelevant,
                null,
                null,
                null,
                null,
                null);
    }

    /** The way of contact recorded: the one asked for, else the default for the data given. */
    public String effectivePreferredContact() {
        return preferredContact == null || preferredContact.isBlank()
                ? Contact.defaultPreferred(complainantEmail, postalAddress)
                : preferredContact;
    }
}
