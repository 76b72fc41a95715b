package org.complaints.letters;

import java.time.Instant;
import java.util.List;
import org.complaints.mail.DeliveryDatedMail;
import org.complaints.mail.OutgoingMail;
import org.springframework.stereotype.Component;

/**
 * A letter or call tells the complainant the dates counted from the day it reaches them: a message whose text names
 * such a date ({@link DeliveryDatedMail}, the decision's date by which to react) is rendered again for that day; any
 * other message reads as produced.
 */
@Component
class DeliveryDates {

    private final List<DeliveryDatedMail> dated;

    DeliveryDates(List<DeliveryDatedMail> dated) {
        this.dated = List.copyOf(dated);
    }

    /** The message as it reads when it reaches the complainant at {@code at}; keeps its identity and recipients. */
    OutgoingMail reachingAt(OutgoingMail produced, Instant at) {
        return dated.stream()
                .filter(d -> d.templates().contains(produced.template()))
                .findFirst()
                .map(d -> {
                    OutgoingMail again = d.reachingAt(produced, at);
                    return new OutgoingMail(
                            produced.complaintId(),
                            produced.reference(),
                            produced.dedupKey(),
                            produced.template(),
                            produced.language(),
                            produced.recipients(),
                            again.subject(),
                            again.body(),
                            produced.messageId());
                })
                .orElse(produced);
    }
}
