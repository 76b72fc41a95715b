package org.complaints.mail;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * An e-mail the SMTP server did not accept; the outbox retries it later. It carries no cause and no server text:
 * those end up in incident messages, logs and stack traces, and typically quote the complainant's address (no
 * personal data in logs or incidents).
 */
public class MailDeliveryException extends RuntimeException {

    private final String kind;

    public MailDeliveryException(String message, String kind) {
        super(message);
        this.kind = kind;
    }

    /**
     * The failure by exception types and SMTP reply code, e.g. "MailSendException > SMTPAddressFailedException (550)".
     */
    public String kind() {
        return kind;
    }

    /**
     * What went wrong, by exception type and SMTP reply code only: "MailSendException > SMTPAddressFailedException
     * (550)".
     */
    static String describe(Throwable failure) {
        List<String> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < 6; t = t.getCause()) {
            String kind = t.getClass().getSimpleName();
            if (t instanceof SMTPAddressFailedException address) {
                kind += " (" + address.getReturnCode() + ")";
            } else if (t instanceof SMTPSendFailedException send) {
                kind += " (" + send.getReturnCode() + ")";
            }
            chain.add(kind);
            if (t instanceof org.springframework.mail.MailSendException send
                    && !send.getFailedMessages().isEmpty()) {
                t = send.getFailedMessages().values().iterator().next();
                chain.add(t.getClass().getSimpleName());
            }
        }
        return String.join(" > ", chain);
    }
}
