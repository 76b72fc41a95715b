package org.complaints.register;

import java.time.Instant;

/** When and why the complaint was closed, and whether acknowledgement and response were in time (ISO 10002 7.9). */
public record Closure(Instant closedAt, String closureReason, Boolean ackSlaMet, Boolean responseSlaMet) {}
