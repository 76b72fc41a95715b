package org.complaints.assessment;

/**
 * Published in the assessing transaction once a handler's assessment is recorded (ISO 10002 7.5), for those who
 * watch complaints as they come in, e.g. the recurrence threshold of corrective actions (8.7).
 */
public record ComplaintAssessed(long complaintId, boolean inScope, String actor) {}
