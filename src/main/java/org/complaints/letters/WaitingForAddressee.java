package org.complaints.letters;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.complaints.mail.OutgoingMail;
import org.complaints.register.Addressee;
import org.complaints.register.AddresseeChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Letters and calls still waiting follow a corrected addressee (ISO 10002 4.5): a letter not yet posted is laid out
 * again from its stored text for the corrected name, address and print size, so the print queue never holds a
 * letter to an old address; a call not yet made shows the corrected name and number. A waiting letter is left as
 * it was when the corrected addressee has no postal address: staff see it in the print queue and decide. Runs in
 * the correction's transaction, so both change together or not at all.
 */
@Component
class WaitingForAddressee {

    private final Letters letters;
    private final LetterRendering rendering;
    private final Calls calls;
    private final Clock clock;

    WaitingForAddressee(Letters letters, LetterRendering rendering, Calls calls, Clock clock) {
        this.letters = letters;
        this.rendering = rendering;
        this.calls = calls;
        this.clock = clock;
    }

    @EventListener
    void addresseeChanged(AddresseeChanged change) {
        Addressee before = change.before();
        Addressee after = change.after();
        boolean letterChanged = !Objects.equals(before.name(), after.name())
                || !Objects.equals(before.postalAddress(), after.postalAddress())
                || before.largePrint() != after.largePrint();
        if (letterChanged
                && after.postalAddress() != null
                && !after.postalAddress().isBlank()) {
            change.lettersReproduced(reproduceLetters(change, after));
        }
        if (!Objects.equals(before.name(), after.name()) || !Objects.equals(before.phone(), after.phone())) {
            change.callsReaddressed(readdressCalls(change.complaint().reference()));
        }
    }

    private int reproduceLetters(AddresseeChanged change, Addressee to) {
        int count = 0;
        Instant now = clock.instant();
        for (Letters.WaitingLetter waiting :
                letters.waitingOfComplaint(change.complaint().id())) {
            Letters.Letter letter = waiting.letter();
            if (waiting.body() == null) {
                continue;
            }
            OutgoingMail message = new OutgoingMail(
                    letter.complaintId(),
                    letter.reference(),
                    letter.dedupKey(),
                    letter.kind(),
                    letter.language(),
                    List.of(),
                    letter.subject(),
                    waiting.body(),
                    null);
            if (letters.replacePdf(letter.id(), rendering.pdf(to, message, now), to.largePrint())) {
                count++;
            }
        }
        return count;
    }

    /**
     * A call not yet made reads whom to call and the number from the register when staff open it, so it follows the
     * correction by itself; the count tells the audit row how many calls did.
     */
    private int readdressCalls(String reference) {
        return calls.open(reference, "").size();
    }
}
