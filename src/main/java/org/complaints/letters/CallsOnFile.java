package org.complaints.letters;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.complaints.complaintfile.CallsToMake;
import org.complaints.mail.MailProperties;
import org.complaints.mail.OutgoingMail;
import org.complaints.register.Addressee;
import org.complaints.register.ComplaintRegister;
import org.springframework.stereotype.Component;

/**
 * The open calls of a complaint for its file page: whom to call from the register, what to say from
 * {@code cmp_call}, laid out for today (a decision's date by which to react counted from a call made today).
 */
@Component
class CallsOnFile implements CallsToMake {

    private final Calls calls;
    private final ComplaintRegister register;
    private final DeliveryDates dates;
    private final MailProperties mail;
    private final Clock clock;

    CallsOnFile(Calls calls, ComplaintRegister register, DeliveryDates dates, MailProperties mail, Clock clock) {
        this.calls = calls;
        this.register = register;
        this.dates = dates;
        this.mail = mail;
        this.clock = clock;
    }

    @Override
    public List<CallToMake> open(String reference) {
        Instant now = clock.instant();
        return calls.open(reference, mail.messageIdDomain()).stream()
                .map(call -> {
                    Addressee to = register.get(call.complaintId()).addressee();
                    OutgoingMail today =
                            call.message().body().isEmpty() ? call.message() : dates.reachingAt(call.message(), now);
                    return new CallToMake(
                            call.id(), today.subject(), to.name(), to.phone(), to.representative(), today.body());
                })
                .toList();
    }
}
