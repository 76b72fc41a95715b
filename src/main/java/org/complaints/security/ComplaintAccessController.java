package org.complaints.security;

import java.util.List;
import org.complaints.engine.InvalidInputException;
import org.complaints.register.AccessMarkings;
import org.complaints.register.ComplaintRegister;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Complaint managers mark a complaint confidential and name the staff it concerns (ISO 10002 4.7, 4.10). */
@RestController
@StaffApi
class ComplaintAccessController {

    private final ComplaintAccess access;
    private final ComplaintRegister register;
    private final StaffAccess staff;

    ComplaintAccessController(ComplaintAccess access, ComplaintRegister register, StaffAccess staff) {
        this.access = access;
        this.register = register;
        this.staff = staff;
    }

    record AccessRequest(Boolean confidential, List<String> namedStaff) {}

    /** A complaint's access markings; the legal hold's reason is the privacy API's, not shown here. */
    record AccessView(String reference, boolean confidential, List<String> namedStaff, boolean legalHold) {}

    @GetMapping("/api/staff/complaints/{reference}/access")
    AccessView get(@PathVariable String reference) {
        String actor = staff.requireAnyGroup(StaffGroups.MANAGERS, StaffGroups.ADMIN);
        return view(NamedStaff.requireNotNamed(markings(reference), actor));
    }

    @PutMapping("/api/staff/complaints/{reference}/access")
    AccessView mark(@PathVariable String reference, @RequestBody(required = false) AccessRequest request) {
        String actor = staff.requireAnyGroup(StaffGroups.MANAGERS, StaffGroups.ADMIN);
        // a named person may not even take their own name off: another complaint manager decides
        long id = NamedStaff.requireNotNamed(markings(reference), actor).complaintId();
        if (request == null || request.confidential() == null) {
            throw new InvalidInputException("confidential: say true or false");
        }
        return view(access.mark(
                id, request.confidential(), request.namedStaff() == null ? List.of() : request.namedStaff(), actor));
    }

    private AccessMarkings markings(String reference) {
        return register.accessMarkings(register.getByReference(reference).id());
    }

    private static AccessView view(AccessMarkings markings) {
        return new AccessView(
                markings.reference(), markings.confidential(), markings.namedStaff(), markings.legalHold());
    }
}
