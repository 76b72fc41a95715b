package org.complaints.intake.email;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.complaints.intake.AttachmentPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the complaints mailbox over IMAP (ISO 10002 4.5: complaints by e-mail). A message is marked seen
 * only after the intake took it in; a message that fails for a passing reason is tried again next time,
 * and its Message-ID keeps a second delivery from creating a second complaint.
 */
@Component
@ConditionalOnProperty(name = "complaints.mailbox.enabled", havingValue = "true")
public class MailboxPoller {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxPoller.class);

    private final MailboxProperties properties;
    private final InboundMailIntake intake;

    public MailboxPoller(MailboxProperties properties, InboundMailIntake intake) {
        this.properties = properties;
        this.intake = intake;
    }

    @Scheduled(
            fixedDelayString = "${complaints.mailbox.poll-interval:PT1M}",
            initialDelayString = "${complaints.mailbox.poll-interval:PT1M}")
    public void scheduledPoll() {
        try {
            poll();
        } catch (MessagingException e) {
            LOG.warn(
                    "Complaints mailbox {}@{} could not be read: {}",
                    properties.username(),
                    properties.host(),
                    e.getMessage());
        }
    }

    /** Takes in every unseen message; returns how many were handled. */
    public int poll() throws MessagingException {
        Properties session = new Properties();
        String protocol = properties.protocol();
        session.put("mail." + protocol + ".connectiontimeout", "10000");
        session.put("mail." + protocol + ".timeout", "30000");
        try (Store store = Session.getInstance(session).getStore(protocol)) {
            store.connect(properties.host(), properties.port(), properties.username(), properties.password());
            Folder folder = store.getFolder(properties.folder());
            folder.open(Folder.READ_WRITE);
            try {
                int handled = 0;
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    try {
                        InboundMailIntake.Result result = intake.take(read((MimeMessage) message));
                        LOG.info("Complaints mailbox: message taken in as {}", result.outcome());
                        message.setFlag(Flags.Flag.SEEN, true);
                        handled++;
                    } catch (RuntimeException | IOException e) {
                        // left unseen: the next poll tries again
                        LOG.warn(
                                "Complaints mailbox: a message could not be taken in and stays unseen: {}",
                                e.getClass().getSimpleName());
                    }
                }
                return handled;
            } finally {
                folder.close(false);
            }
        }
    }

    static InboundMail read(MimeMessage message) throws MessagingException, IOException {
        String messageId = message.getMessageID();
        if (messageId == null || messageId.isBlank()) {
            // no Message-ID: derive a stable one so a second delivery is still recognised
            messageId = "<no-id."
                    + Integer.toHexString(Arrays.hashCode(new Object[] {
                        message.getSubject(), message.getSentDate(), Arrays.toString(message.getFrom())
                    }))
                    + "@complaints.local>";
        }
        List<String> inReplyTo = new ArrayList<>();
        for (String header : new String[] {"In-Reply-To", "References"}) {
            String[] values = message.getHeader(header);
            if (values != null) {
                for (String value : values) {
                    inReplyTo.addAll(Arrays.stream(value.split("\\s+"))
                            .filter(v -> !v.isBlank())
                            .toList());
                }
            }
        }
        Address[] from = message.getFrom();
        InternetAddress sender = from != null && from.length > 0 && from[0] instanceof InternetAddress a ? a : null;
        StringBuilder text = new StringBuilder();
        List<AttachmentPolicy.Upload> attachments = new ArrayList<>();
        collect(message, text, attachments);
        return new InboundMail(
                messageId,
                inReplyTo,
                message.getSubject(),
                sender == null ? null : sender.getPersonal(),
                sender == null ? "" : sender.getAddress(),
                text.toString(),
                attachments);
    }

    private static void collect(Part part, StringBuilder text, List<AttachmentPolicy.Upload> attachments)
            throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            boolean alternative = part.isMimeType("multipart/alternative");
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (alternative && !child.isMimeType("text/plain") && hasPlainAlternative(multipart)) {
                    continue;
                }
                collect(child, text, attachments);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
            attachments.add(new AttachmentPolicy.Upload(
                    part.getFileName(), part.getInputStream().readAllBytes()));
        } else if (part.isMimeType("text/plain")) {
            text.append(part.getContent()).append('\n');
        } else if (part.isMimeType("text/html")) {
            // no plain-text version: keep the words, drop the markup
            text.append(part.getContent()
                            .toString()
                            .replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
                            .replaceAll("<[^>]+>", " ")
                            .replaceAll("&nbsp;", " ")
                            .replaceAll("[ \\t]+", " "))
                    .append('\n');
        }
    }

    private static boolean hasPlainAlternative(Multipart multipart) throws MessagingException {
        for (int i = 0; i < multipart.getCount(); i++) {
            if (multipart.getBodyPart(i).isMimeType("text/plain")) {
                return true;
            }
        }
        return false;
    }
}
