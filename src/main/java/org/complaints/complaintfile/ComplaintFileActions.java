package org.complaints.complaintfile;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.regex.Pattern;
import org.complaints.engine.InvalidInputException;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.reopening.Duplicates;
import org.complaints.reopening.Reopenings;
import org.complaints.security.StaffGroups;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reopening and linking as duplicate from the complaint file: who may do which (complaint managers reopen;
 * handlers and complaint managers link duplicates), on complaints they may see, with input checked before the
 * change ({@link Reopenings}, {@link Duplicates}). Each is one transaction: the register, the event and audit logs,
 * the process and the complainant's e-mail change together or not at all.
 */
@Service
class ComplaintFileActions {

    private static final Pattern REFERENCE = Pattern.compile("CMP-\\d{4}-\\d{6}");

    private final ComplaintRegister register;
    private final ComplaintVisibility visibility;
    private final Reopenings reopenings;
    private final Duplicates duplicates;
    private final JdbcClient jdbc;

    ComplaintFileActions(
            ComplaintRegister register,
            ComplaintVisibility visibility,
            Reopenings reopenings,
            Duplicates duplicates,
            JdbcClient jdbc) {
        this.register = register;
        this.visibility = visibility;
        this.reopenings = reopenings;
        this.duplicates = duplicates;
        this.jdbc = jdbc;
    }

    /** What the viewer may do on a file: the page offers only these. */
    record Allowed(boolean reopen, boolean linkDuplicate) {}

    static Allowed allowed(Viewer viewer) {
        return new Allowed(mayReopen(viewer), mayLinkDuplicate(viewer));
    }

    /** Reopening undoes a closure: a complaint manager's decision (ISO 10002 4.12 accountability). */
    private static boolean mayReopen(Viewer viewer) {
        return viewer.groups().contains(StaffGroups.MANAGERS);
    }

    /** Those who work complaints; intake registers them, quality managers only read. */
    private static boolean mayLinkDuplicate(Viewer viewer) {
        return viewer.groups().contains(StaffGroups.MANAGERS) || viewer.groups().contains(StaffGroups.HANDLERS);
    }

    @Transactional
    public Reopenings.Reopened reopen(Viewer viewer, String reference, String reason) {
        if (!mayReopen(viewer)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only complaint managers reopen complaints.");
        }
        Complaint complaint = register.getByReference(ComplaintFiles.normalise(reference));
        visibility.require(viewer, register.accessMarkings(complaint.id()));
        return reopenings.reopen(complaint.id(), viewer.user(), reason);
    }

    /** The duplicate and the complaint it continues under, after the link. */
    record Linked(
            @Schema(description = "The duplicate's reference", example = "CMP-2026-000043")
            String reference,

            @Schema(description = "The reference the complainant is told to follow", example = "CMP-2026-000042")
            String duplicateOf,

            @Schema(description = "The duplicate's stage now", example = "CLOSED")
            String stage,

            @Schema(description = "The duplicate's closure reason", example = "DUPLICATE")
            String closureReason) {}

    /**
     * Links {@code reference} as a duplicate of {@code otherReference}. The other complaint is looked up only among
     * the complaints the viewer may see, and one they may not see is answered like one that does not exist (404),
     * so the refusal reveals nothing about it.
     */
    @Transactional
    public Linked linkDuplicate(Viewer viewer, String reference, String otherReference) {
        if (!mayLinkDuplicate(viewer)) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "Only complaint handlers and complaint managers link duplicates.");
        }
        String own = ComplaintFiles.normalise(reference);
        String other = ComplaintFiles.normalise(otherReference);
        if (!REFERENCE.matcher(other).matches()) {
            throw new InvalidInputException(
                    "reference: give the reference of the complaint this one repeats, e.g. CMP-2026-000042");
        }
        if (other.equals(own)) {
            throw new InvalidInputException("reference: a complaint cannot be a duplicate of itself");
        }
        Complaint duplicate = register.getByReference(own);
        visibility.require(viewer, register.accessMarkings(duplicate.id()));
        ComplaintVisibility.Condition condition = visibility.condition(viewer);
        long originalId = jdbc.sql(
                        "select c.id from cmp_complaint c where c.reference = :otherReference and " + condition.sql())
                .params(condition.params())
                .param("otherReference", other)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "There is no complaint " + other + " that you can see."));
        duplicates.mark(duplicate.id(), originalId, viewer.user());
        Complaint closed = register.get(duplicate.id());
        return new Linked(closed.reference(), other, closed.stage().name(), closed.closureReason());
    }
}
