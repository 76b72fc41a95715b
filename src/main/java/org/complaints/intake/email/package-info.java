/**
 * Complaints and replies by e-mail: the IMAP intake, one complaint or message per Message-ID.
 */
package org.complaints.intake.email;
