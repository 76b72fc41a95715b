package org.complaints.mail;

/** An e-mail the SMTP server did not accept; the process step fails and is retried by the job executor. */
public class MailDeliveryException extends RuntimeException {

    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
