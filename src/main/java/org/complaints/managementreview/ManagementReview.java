package org.complaints.managementreview;

import java.time.Instant;
import java.time.LocalDate;

/** One management review: the period it looked at, its prepared input and what it concluded and decided. */
public record ManagementReview(
        long id,
        String reference,
        LocalDate periodFrom,
        LocalDate periodTo,
        Instant preparedAt,
        String inputJson,
        Instant heldAt,
        String heldBy,
        String attendees,
        String conclusions,
        String decisions,
        Instant closedAt,
        String processInstanceId) {}
