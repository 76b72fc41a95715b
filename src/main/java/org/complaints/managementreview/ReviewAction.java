package org.complaints.managementreview;

import java.time.Instant;
import java.time.LocalDate;

/** An action a management review decided, with its owner and due date, tracked to completion (ISO 10002 8.6). */
public record ReviewAction(
        long id,
        long reviewId,
        String description,
        String owner,
        LocalDate dueDate,
        String status,
        Instant completedAt,
        String completedBy,
        String completionNote) {

    public static final String OPEN = "OPEN";
    public static final String DONE = "DONE";
}
