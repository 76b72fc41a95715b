package org.complaints.managementreview;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/** An action a management review decided, with its owner and due date, tracked to completion (ISO 10002 8.6). */
public record ReviewAction(
        @Schema(description = "The action's id", example = "7")
        long id,

        @Schema(description = "The review's id", example = "1")
        long reviewId,

        @Schema(description = "What is to be done", example = "Open a corrective action on parcel delivery")
        String description,

        @Schema(description = "Who is responsible", example = "quality")
        String owner,

        @Schema(description = "When it is due", example = "2026-05-01")
        LocalDate dueDate,

        @Schema(description = "OPEN or DONE", example = "OPEN")
        String status,

        @Schema(description = "When it was done") Instant completedAt,
        @Schema(description = "Who did it") String completedBy,
        @Schema(description = "What was done") String completionNote) {

    public static final String OPEN = "OPEN";
    public static final String DONE = "DONE";
}
