/**
 * Letters and calls for complainants who prefer post or phone (ISO 10002 4.5 accessibility): the message the
 * process would e-mail, laid out as a PDF letter for a window envelope and queued for staff to print and post (the
 * "Post letters" task, {@code letter-posting.bpmn}), or a call to make with what to say; the posting date or the
 * call counts as delivery, as a sent e-mail does.
 */
package org.complaints.letters;
