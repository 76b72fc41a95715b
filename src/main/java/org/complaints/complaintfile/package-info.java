/**
 * The staff complaint file (ISO 10002 7.3, 4.7, 4.10): one view of a whole complaint for everyone who may see it
 * (register data, open tasks, committed dates, a timeline of everything that happened, attachments, related
 * complaints), a search over open and closed complaints, and the pages Tasklist and Cockpit frame. Who sees a
 * complaint is decided by the same grants the engine enforces; reading contact details or an attachment is audited.
 *
 * <p>Acting on the file follows one pattern: {@code FileActions} holds one section per action (write to the
 * complainant, internal note, contact correction, reopening, duplicate, the answer to the decision and survey
 * answers received on paper), each finding, authorising, checking and auditing it the same way and refusing with
 * a coded {@code engine.Refusal} or {@code InvalidInputException}; {@code FileActionsController} offers them on the
 * staff API, {@code FileActionPages} as forms on the file page (form token and one-time key set once, refusals in
 * the staff member's language), {@code FileActionKeys} makes each happen once per key. Domain rules stay in their
 * concern's plain beans ({@code reopening}, {@code survey}, {@code intake}).
 */
package org.complaints.complaintfile;
