package org.complaints.investigation;

/**
 * Published in the recording transaction once an investigation's findings are recorded (ISO 10002 7.6), e.g.
 * for corrective action (8.7) when the investigator marked the cause as systemic.
 */
public record FindingsRecorded(long complaintId, String rootCause, boolean systemic, String investigator) {}
