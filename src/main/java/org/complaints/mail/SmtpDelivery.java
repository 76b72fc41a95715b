package org.complaints.mail;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Hands one e-mail to the SMTP server, with its deterministic Message-ID. Connect, read and write timeouts come
 * from {@code spring.mail.properties} (application.yaml, every profile) and keep a delivery far below the job
 * lock time. Counts {@code complaints.emails.sent} and {@code complaints.emails.failed} per template.
 */
@Component
public class SmtpDelivery {

    /** Jakarta Mail's way to name the stream provider; Angus Mail is the implementation on the class path. */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        // Jakarta Mail 2.1 looks its stream provider up again for every body part it writes; without this property
        // that is a ServiceLoader scan of every jar, which made it the sender's bottleneck (bench/FINDINGS.md,
        // 'outbox throughput'). With it, the class is simply instantiated; named only if present, as a name that
        // does not load would stop all mail
        if (System.getProperty(STREAM_PROVIDER) == null && angusStreamProvider()) {
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
    }

    private static boolean angusStreamProvider() {
        try {
            return StreamProvider.class.isAssignableFrom(
                    Class.forName(ANGUS_STREAM_PROVIDER, false, SmtpDelivery.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private final JavaMailSender sender;
    private final MailProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    public SmtpDelivery(JavaMailSender sender, MailProperties properties, Clock clock, MeterRegistry meters) {
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** @throws MailDeliveryException when the server did not accept it; the message names the failure's kind only */
    public void deliver(OutgoingMail mail) {
        try {
            sender.send(mime(mail));
            meters.counter("complaints.emails.sent", "template", mail.template())
                    .increment();
        } catch (MailException | MessagingException e) {
            throw failure(mail, e);
        }
    }

    /**
     * One connection to the SMTP server for several deliveries (a batch of the outbox sender): connecting, the
     * greeting, signing in and quitting once rather than for every e-mail, on both sides. It connects on its first
     * delivery and again after a failure; close ends it.
     */
    public Connection connection() {
        return new Connection();
    }

    public final class Connection implements AutoCloseable {

        private Transport transport;

        private Connection() {}

        /** As {@link SmtpDelivery#deliver}, over this connection. */
        public void deliver(OutgoingMail mail) {
            if (!(sender instanceof JavaMailSenderImpl configured)) {
                SmtpDelivery.this.deliver(mail);
                return;
            }
            try {
                MimeMessage message = mime(mail);
                message.saveChanges();
                if (transport == null) {
                    transport = connect(configured);
                }
                transport.sendMessage(message, message.getAllRecipients());
                meters.counter("complaints.emails.sent", "template", mail.template())
                        .increment();
            } catch (MessagingException e) {
                // whatever state the server left the session in, the next e-mail starts on a new one
                close();
                throw failure(mail, e);
            }
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    // the server went away first: nothing left to end
                }
                transport = null;
            }
        }
    }

    /** As JavaMailSenderImpl connects for each send, with the same settings (an empty user name: none). */
    private static Transport connect(JavaMailSenderImpl configured) throws MessagingException {
        String username = configured.getUsername();
        String password = configured.getPassword();
        if ("".equals(username)) {
            username = null;
            if ("".equals(password)) {
                password = null;
            }
        }
        Session session = configured.getSession();
        Transport transport = configured.getProtocol() == null
                ? session.getTransport()
                : session.getTransport(configured.getProtocol());
        transport.connect(configured.getHost(), configured.getPort(), username, password);
        return transport;
    }

    private MailDeliveryException failure(OutgoingMail mail, Exception e) {
        meters.counter("complaints.emails.failed", "template", mail.template()).increment();
        // the SMTP server's words often quote the recipient's address: only the failure's kind goes on
        return new MailDeliveryException(
                "E-mail '" + mail.template() + "' for " + mail.reference() + " could not be delivered: "
                        + MailDeliveryException.describe(e),
                MailDeliveryException.describe(e));
    }

    private MimeMessage mime(OutgoingMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage((Session) null) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", mail.messageId());
            }
        };
        message.setFrom(new InternetAddress(properties.from()));
        for (String recipient : mail.recipients()) {
            message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient));
        }
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setText(mail.body(), StandardCharsets.UTF_8.name());
        message.setSentDate(java.util.Date.from(clock.instant()));
        return message;
    }
}
