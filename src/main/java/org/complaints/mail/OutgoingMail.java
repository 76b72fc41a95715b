package org.complaints.mail;

import java.util.List;

/**
 * One rendered e-mail: what the SMTP server receives and what the register keeps.
 *
 * @param complaintId the complaint it is about; null for staff mail about something else (a corrective action)
 * @param reference   the complaint's or corrective action's reference
 * @param dedupKey    sent at most once per reference and dedup key
 * @param messageId   deterministic, {@code <dedupKey.reference@domain>}
 */
public record OutgoingMail(
        Long complaintId,
        String reference,
        String dedupKey,
        String template,
        String language,
        List<String> recipients,
        String subject,
        String body,
        String messageId) {}
