package org.complaints.reliability;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The SMTP server the nodes deliver to (GreenMail in the test JVM), read by Message-ID. The application's
 * Message-IDs are deterministic, {@code <dedupKey.REFERENCE@domain>}: one per complaint and e-mail, so a message
 * delivered twice shows up as the same Message-ID twice, and a step that ran twice under different keys (a timer
 * that fired twice) as two Message-IDs of one kind for one complaint.
 */
final class Inbox implements AutoCloseable {

    /** One Message-ID as received: how many copies arrived. */
    record Received(String dedupKey, String reference, String messageId, int copies) {
    }

    private final GreenMail server;

    Inbox(int port) {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** Every Message-ID received whose dedup key matches {@code kind}, for the given complaints. */
    List<Received> received(Predicate<String> kind, Collection<String> references) {
        Set<String> wanted = new HashSet<>(references);
        return copiesByMessageId().entrySet().stream().map(e -> parse(e.getKey(), e.getValue()))
                .filter(r -> r != null && kind.test(r.dedupKey()) && wanted.contains(r.reference()))
                .toList();
    }

    /** How many copies of each Message-ID have arrived so far. */
    Map<String, Integer> copiesByMessageId() {
        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                String id = message.getMessageID();
                if (id != null) {
                    copies.merge(id, 1, Integer::sum);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return copies;
    }

    int total() {
        return server.getReceivedMessages().length;
    }

    private static Received parse(String messageId, int copies) {
        String local = messageId.replaceAll("^<|>$", "");
        int at = local.lastIndexOf('@');
        int reference = local.lastIndexOf(".CMP-");
        if (at < 0 || reference < 0 || reference > at) {
            return null;
        }
        return new Received(local.substring(0, reference), local.substring(reference + 1, at), messageId, copies);
    }

    @Override
    public void close() {
        server.stop();
    }
}
