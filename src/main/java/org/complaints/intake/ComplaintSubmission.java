package org.complaints.intake;

import java.time.LocalDate;

/**
 * A complaint as a channel received it (ISO 10002 7.2), before validation. Classification fields may be null:
 * the intake then uses the defaults (medium severity, individual impact, category other, not safety relevant).
 * At least one of e-mail, postal address (lines separated by {@code "\n"}) and phone is given; a missing preferred
 * way of contact is the default one (see {@link org.complaints.register.Contact}).
 */
public record ComplaintSubmission(
        String channel,
        String receivedBy,
        String complainantName,
        String complainantEmail,
        String complainantPhone,
        String preferredLanguage,
        String productOrService,
        String description,
        LocalDate incidentDate,
        String remedySought,
        String receiptNotes,
        String severity,
        String impact,
        String category,
        Boolean safetyRelevant,
        String postalAddress,
        String preferredContact,
        String accessibilityNeeds,
        String accessibilityNote,
        String representativeName,
        String representativeEmail,
        String representativePhone,
        String representativePostalAddress,
        String representativeRelation,
        Boolean representativeConsent) {

    /** A complaint reached by e-mail or phone, without a postal address, representative or accessibility needs. */
    public ComplaintSubmission(
            String channel,
            String receivedBy,
            String complainantName,
            String complainantEmail,
            String complainantPhone,
            String preferredLanguage,
            String productOrService,
            String description,
            LocalDate incidentDate,
            String remedySought,
            String receiptNotes,
            String severity,
            String impact,
            String category,
            Boolean safetyRelevant) {
        this(
                channel,
                receivedBy,
                complainantName,
                complainantEmail,
                complainantPhone,
                preferredLanguage,
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
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** Whether the complaint is made on the complainant's behalf: any of the representative's fields is given. */
    public boolean hasRepresentative() {
        return given(representativeName)
                || given(representativeEmail)
                || given(representativePhone)
                || given(representativePostalAddress)
                || given(representativeRelation);
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }
}
