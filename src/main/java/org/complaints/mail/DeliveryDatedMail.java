package org.complaints.mail;

import java.time.Instant;
import java.util.Set;

/**
 * A message whose text names a date counted from when it reaches the complainant (the date by which to react to a
 * decision, ISO 10002 7.8, 7.9). A letter printed or a call made on a later day than the step produced the message
 * tells the date counted from that day, so that what the complainant reads and the process's timer agree.
 */
public interface DeliveryDatedMail {

    /** The templates whose text names such a date. */
    Set<String> templates();

    /** The message rendered again, from the register, as it reads when it reaches the complainant at {@code at}. */
    OutgoingMail reachingAt(OutgoingMail produced, Instant at);
}
