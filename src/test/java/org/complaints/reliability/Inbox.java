package org.complaints.reliability;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMTP server the nodes deliver to (GreenMail in the test JVM), read by Message-ID. The application's
 * Message-IDs are deterministic, {@code <dedupKey.REFERENCE@domain>}: one per complaint and e-mail, so a message
 * delivered twice shows up as the same Message-ID twice, and a step that ran twice under different keys (a timer
 * that fired twice) as two Message-IDs of one kind for one complaint. Each copy names the node that sent it: the
 * HELO name GreenMail writes into its {@code Received} header ({@link ApplicationNode#heloName()}).
 */
final class Inbox implements AutoCloseable {

    /** One Message-ID as received: the HELO name of the node that sent each copy, in the order they arrived. */
    record Received(String dedupKey, String reference, String messageId, List<String> senders) {

        int copies() {
            return senders.size();
        }
    }

    private static final Pattern RECEIVED_FROM = Pattern.compile("\\(HELO ([^)]*)\\)");

    private final GreenMail server;

    Inbox(int port) {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** Every Message-ID received whose dedup key matches {@code kind}, for the given complaints. */
    List<Received> received(Predicate<String> kind, Collection<String> references) {
        Set<String> wanted = new HashSet<>(references);
        return sendersByMessageId().entrySet().stream()
                .map(e -> parse(e.getKey(), e.getValue()))
                .filter(r -> r != null && kind.test(r.dedupKey()) && wanted.contains(r.reference()))
                .toList();
    }

    private Map<String, List<String>> sendersByMessageId() {
        Map<String, List<String>> senders = new LinkedHashMap<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                String id = message.getMessageID();
                if (id != null) {
                    senders.computeIfAbsent(id, key -> new ArrayList<>()).add(sender(message));
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return senders;
    }

    /** The HELO name in the topmost {@code Received} header: the one GreenMail added when the copy arrived. */
    private static String sender(MimeMessage message) throws MessagingException {
        String[] received = message.getHeader("Received");
        Matcher helo = received == null ? null : RECEIVED_FROM.matcher(received[0]);
        if (helo == null || !helo.find()) {
            throw new IllegalStateException("no HELO name in the Received header of " + message.getMessageID());
        }
        return helo.group(1);
    }

    int total() {
        return server.getReceivedMessages().length;
    }

    private static Received parse(String messageId, List<String> senders) {
        String local = messageId.replaceAll("^<|>$", "");
        int at = local.lastIndexOf('@');
        int reference = local.lastIndexOf(".CMP-");
        if (at < 0 || reference < 0 || reference > at) {
            return null;
        }
        return new Received(
                local.substring(0, reference), local.substring(reference + 1, at), messageId, List.copyOf(senders));
    }

    @Override
    public void close() {
        server.stop();
    }
}
