package org.complaints.mail;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * An e-mail the SMTP server did not accept; the process step fails and is retried by the job executor. It
 * carries no cause and no server text: those end up in incident messages, job logs and stack traces, and
 * typically quote the complainant's address (no personal data in logs or incidents).
 */
public class MailDeliveryException extends RuntimeException {

    public MailDeliveryException(String message) {
        super(message);
    }

    /** What went wrong, by exception type and SMTP reply code only: "MailSendException > SMTPAddressFailedException (550)". */
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
            if (t instanceof org.springframework.mail.MailSendException send && !send.getFailedMessages().isEmpty()) {
                t = send.getFailedMessages().values().iterator().next();
                chain.add(t.getClass().getSimpleName());
            }
        }
        return String.join(" > ", chain);
    }
}
