package org.complaints.complaintfile;

import java.util.List;
import java.util.Set;
import org.complaints.security.StaffGroups;

/** Who reads the complaint file: a signed-in member of staff and the groups they belong to. */
public record Viewer(String user, List<String> groups) {

    /** The groups that work with complaints; anyone else (an action owner only) has no file to read. */
    static final Set<String> STAFF = Set.of(
            StaffGroups.INTAKE, StaffGroups.HANDLERS, StaffGroups.MANAGERS, StaffGroups.QUALITY, StaffGroups.ADMIN);

    public Viewer {
        groups = List.copyOf(groups);
    }

    /** Complaint managers and administrators see every complaint but the ones that name them. */
    boolean seesEverything() {
        return groups.contains(StaffGroups.MANAGERS) || groups.contains(StaffGroups.ADMIN);
    }

    boolean qualityManager() {
        return groups.contains(StaffGroups.QUALITY);
    }

    /**
     * Contact details are for the people who reach the complainant (intake, handlers, managers, administrators);
     * quality managers analyse and audit, read only, and see a complaint without them (data minimisation).
     */
    boolean seesContact() {
        return seesEverything() || groups.contains(StaffGroups.HANDLERS) || groups.contains(StaffGroups.INTAKE);
    }

    /**
     * Writing to the complainant is for the people who work the complaint: handlers (of the complaint's group,
     * as far as they see it), complaint managers and administrators; not intake, who only registered it.
     */
    boolean writesToComplainant() {
        return seesEverything() || groups.contains(StaffGroups.HANDLERS);
    }

    /** Internal notes and contact corrections: everyone who sees contact details; quality managers read only. */
    boolean annotates() {
        return seesContact();
    }

    /** Quality managers read only; everyone else who sees a complaint may add a document to it. */
    boolean addsAttachments() {
        return seesContact();
    }
}
