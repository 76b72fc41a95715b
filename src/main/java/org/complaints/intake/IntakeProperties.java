package org.complaints.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The public channels (ISO 10002 4.5 accessibility).
 *
 * @param maxAttachments            attachments per submission
 * @param maxAttachmentBytes        all attachments of one submission together
 * @param maxSubmissionsPerMinute   submissions per minute from one network address before 429
 */
@ConfigurationProperties("complaints.intake")
public record IntakeProperties(
        @DefaultValue("5") int maxAttachments,
        @DefaultValue("10MB") DataSize maxAttachmentBytes,
        @DefaultValue("10") int maxSubmissionsPerMinute) {}
