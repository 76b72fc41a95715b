package org.complaints.letters;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.complaints.audit.AuditLog;
import org.complaints.complaintfile.StaffVisibility;
import org.complaints.complaintfile.Viewer;
import org.complaints.register.AccessMarkings;
import org.complaints.register.ComplaintRegister;
import org.complaints.security.StaffGroups;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The print queue as staff use it (API and page): complaint intake posts the letters, complaint managers and
 * administrators may too; each sees only the letters of complaints the complaint file lets them see (a
 * confidential complaint, one that names them). Downloading a letter is audited: it holds personal data. A waiting
 * letter is downloaded to be printed, so it is laid out for that day ({@link LetterPrinting}).
 */
@Service
public class PrintQueue {

    private static final int LIMIT = 500;

    private final Letters letters;
    private final LetterPosting posting;
    private final StaffVisibility visibility;
    private final ComplaintRegister register;
    private final AuditLog audit;
    private final LetterPrinting printing;
    private final Clock clock;

    public PrintQueue(
            Letters letters,
            LetterPosting posting,
            StaffVisibility visibility,
            ComplaintRegister register,
            AuditLog audit,
            LetterPrinting printing,
            Clock clock) {
        this.letters = letters;
        this.posting = posting;
        this.visibility = visibility;
        this.register = register;
        this.audit = audit;
        this.printing = printing;
        this.clock = clock;
    }

    public record Download(String fileName, byte[] pdf) {}

    /** The signed-in member of staff who may post letters: 401 without a sign-in, 403 outside those groups. */
    public Viewer poster() {
        Viewer viewer = visibility.viewer();
        if (viewer.groups().stream()
                .noneMatch(g -> List.of(StaffGroups.INTAKE, StaffGroups.MANAGERS, StaffGroups.ADMIN)
                        .contains(g))) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "The print queue is for complaint intake and complaint managers.");
        }
        return viewer;
    }

    public List<Letters.Letter> waiting(Viewer viewer) {
        StaffVisibility.Condition condition = visibility.forPosting(viewer);
        return letters.waiting(condition.sql(), condition.params(), LIMIT);
    }

    public Download download(Viewer viewer, long id) {
        Letters.Letter letter = visible(viewer, id);
        printing.print(letter, clock.instant());
        byte[] pdf = letters.pdf(id)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "Letter " + id + " has no PDF any more (anonymised)."));
        AccessMarkings markings = register.accessMarkings(letter.complaintId());
        audit.append(
                letter.complaintId(),
                markings.processInstanceId(),
                viewer.user(),
                "letters.LETTER_READ",
                "letter:" + id,
                null,
                Map.of("reference", letter.reference(), "letter", id, "kind", letter.kind()));
        return new Download(letter.reference() + "-" + letter.kind() + "-" + id + ".pdf", pdf);
    }

    public Letters.Letter markPosted(Viewer viewer, long id) {
        visible(viewer, id);
        return posting.post(id, viewer.user());
    }

    private Letters.Letter visible(Viewer viewer, long id) {
        Letters.Letter letter = letters.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No letter " + id + "."));
        visibility.requireForPosting(viewer, register.accessMarkings(letter.complaintId()));
        return letter;
    }
}
