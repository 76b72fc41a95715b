package org.complaints.intake.email;

import java.util.List;
import org.complaints.intake.AttachmentPolicy;

/** A message from the complaints mailbox, reduced to what the intake needs. */
public record InboundMail(
        String messageId,
        List<String> inReplyTo,
        String subject,
        String fromName,
        String fromAddress,
        String text,
        List<AttachmentPolicy.Upload> attachments) {}
