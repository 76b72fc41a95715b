package org.complaints.intake.email;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling for the mailbox poller, only when a mailbox is configured. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "complaints.mailbox.enabled", havingValue = "true")
@EnableScheduling
class MailboxConfiguration {}
