package org.complaints.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled  demo users and an embedded SMTP server with a mailbox page; never with the postgres profile
 * @param smtpPort port of the embedded SMTP server the application sends to in demo mode
 */
@ConfigurationProperties("complaints.demo")
public record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("2525") int smtpPort) {}
