/**
 * The staff complaint file (ISO 10002 7.3, 4.7, 4.10): one view of a whole complaint for everyone who may see it
 * (register data, open tasks, committed dates, a timeline of everything that happened, attachments, related
 * complaints), a search over open and closed complaints, and the pages Tasklist and Cockpit frame. Who sees a
 * complaint is decided by the same grants the engine enforces; reading contact details or an attachment is audited.
 */
package org.complaints.complaintfile;
