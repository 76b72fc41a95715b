package org.complaints.intake;

/** The attachments of one submission exceed the configured total; channels answer 413. */
public class AttachmentsTooLargeException extends RuntimeException {

    private final long limitMegabytes;

    public AttachmentsTooLargeException(long limitMegabytes) {
        super("The attachments together may have at most " + limitMegabytes + " MB");
        this.limitMegabytes = limitMegabytes;
    }

    public long limitMegabytes() {
        return limitMegabytes;
    }
}
