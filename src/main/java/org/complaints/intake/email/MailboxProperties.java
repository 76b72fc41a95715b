package org.complaints.intake.email;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The complaints mailbox polled over IMAP (off unless {@code enabled}).
 *
 * @param protocol        {@code imaps} (TLS) or {@code imap}
 * @param defaultLanguage language of the answers to complaints that arrive by e-mail
 */
@ConfigurationProperties("complaints.mailbox")
public record MailboxProperties(
        @DefaultValue("false") boolean enabled,
        String host,
        @DefaultValue("993") int port,
        @DefaultValue("imaps") String protocol,
        String username,
        String password,
        @DefaultValue("INBOX") String folder,
        @DefaultValue("PT1M") Duration pollInterval,
        @DefaultValue("en") String defaultLanguage) {}
