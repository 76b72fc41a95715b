/**
 * The one mail path: templates per language, the transactional outbox and its sender, SMTP delivery,
 * incidents for given-up e-mail, the mail log, and the public links e-mails carry.
 */
package org.complaints.mail;
