package org.complaints.intake;

import java.time.LocalDate;

/**
 * A complaint as a channel received it (ISO 10002 7.2), before validation. Classification fields may be null:
 * the intake then uses the defaults (medium severity, individual impact, category other, not safety relevant).
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
        Boolean safetyRelevant) {}
