package org.complaints.register;

import java.time.Instant;
import java.time.LocalDate;

/** What the register needs to record a complaint at receipt (ISO 10002 7.2). Validated by the intake. */
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
        boolean safetyRelevant) {}
