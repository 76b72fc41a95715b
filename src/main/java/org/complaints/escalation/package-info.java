/**
 * Escalation (ISO 10002 7.3, 7.6): reminders before a deadline, supervision of overdue complaints, revised
 * dates and the delay notice to the complainant.
 */
package org.complaints.escalation;
