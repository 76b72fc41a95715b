package org.complaints.register;

import java.time.Instant;

/** How, when and by whom a complaint was received, and when its receipt was acknowledged (ISO 10002 7.2, 7.4). */
public record Receipt(String channel, Instant receivedAt, String receivedBy, Instant acknowledgedAt) {}
