package org.complaints.register;

import java.time.Instant;

/** One entry of a complaint's event log (ISO 10002 4.12 accountability, 7.3 tracking). */
public record ComplaintEvent(
        long id,
        long complaintId,
        Instant occurredAt,
        String type,
        String actor,
        String summary,
        String detail,
        EventOrigin origin) {}
