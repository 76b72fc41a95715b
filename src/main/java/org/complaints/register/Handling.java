package org.complaints.register;

import java.time.Instant;

/**
 * Who handles the complaint, how urgently and by when (ISO 10002 7.5): priority, handling group and committed
 * response date as the decision table set them and the confirmed assessment may change them, and when the date was
 * last revised. Empty until the decision table has run.
 */
public record Handling(
        String priority,
        String handlingGroup,
        Integer responseDays,
        Instant responseDeadline,
        Instant deadlineRevisedAt) {}
