package org.complaints.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from            sender address of every e-mail
 * @param organisation    the organisation's name as complainants know it
 * @param messageIdDomain right-hand side of the deterministic Message-ID of every e-mail
 * @param staffLanguage   language of e-mails to staff
 */
@ConfigurationProperties("complaints.mail")
public record MailProperties(
        @DefaultValue("complaints@example.org") String from,
        @DefaultValue("Example Organisation") String organisation,
        @DefaultValue("complaints.example.org") String messageIdDomain,
        @DefaultValue("en") String staffLanguage) {}
