package org.complaints.process;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.complaints.mail.MailSentListener;
import org.complaints.mail.OutgoingMail;

/**
 * A follow-up of the acknowledgement that fails when told to, after the SMTP server accepted the e-mail. Does
 * nothing unless a test sets {@link #failing} (and resets it).
 */
class FailingFollowUp implements MailSentListener {
    final AtomicBoolean failing = new AtomicBoolean();

    @Override
    public Set<String> templates() {
        return Set.of("acknowledgement");
    }

    @Override
    public void sent(OutgoingMail mail, Instant sentAt) {
        if (failing.get()) {
            throw new IllegalStateException("follow-up failed");
        }
    }
}
