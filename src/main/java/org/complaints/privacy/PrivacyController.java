package org.complaints.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.complaints.apidocs.ApiErrors;
import org.complaints.engine.InvalidInputException;
import org.complaints.register.AccessMarkings;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.security.NamedStaff;
import org.complaints.security.StaffAccess;
import org.complaints.security.StaffApi;
import org.complaints.security.StaffGroups;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Data-protection requests, for complaint managers and administrators: subject access export, erasure on
 * request, and the legal hold that stops anonymisation and the engine's history clean-up.
 */
@RestController
@StaffApi
@Tag(name = "staff")
@SecurityRequirement(name = ApiErrors.STAFF_SECURITY)
@ApiResponse(responseCode = "401", ref = ApiErrors.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = ApiErrors.FORBIDDEN)
class PrivacyController {

    private final SubjectAccess subjects;
    private final Anonymiser anonymiser;
    private final ComplaintRegister register;
    private final LegalHolds legalHolds;
    private final StaffAccess staff;

    PrivacyController(
            SubjectAccess subjects,
            Anonymiser anonymiser,
            ComplaintRegister register,
            LegalHolds legalHolds,
            StaffAccess staff) {
        this.subjects = subjects;
        this.anonymiser = anonymiser;
        this.register = register;
        this.legalHolds = legalHolds;
        this.staff = staff;
    }

    // a map by design: the export holds every row kept about the person, keyed by the register's columns
    @GetMapping("/api/staff/privacy/subject-access")
    @Operation(summary = "Everything held about an e-mail address")
    @ApiResponse(responseCode = "200", description = "The export")
    @ApiResponse(responseCode = "400", ref = ApiErrors.STAFF_INVALID)
    @ApiResponse(responseCode = "404", ref = ApiErrors.STAFF_NOT_FOUND)
    Map<String, Object> export(
            @Parameter(description = "The complainant's e-mail address", example = "jan.devries@example.net")
                    @RequestParam(required = false)
                    String email) {
        String actor = staff.requireAnyGroup(StaffGroups.MANAGERS, StaffGroups.ADMIN);
        String address = requireEmail(email);
        notNaming(subjects.complaintsOf(address), actor);
        return subjects.export(address);
    }

    /** Staff a complaint names answer no request about it: another complaint manager does (ISO 10002 4.7). */
    private void notNaming(List<Long> complaints, String actor) {
        complaints.forEach(id -> NamedStaff.requireNotNamed(register.accessMarkings(id), actor));
    }

    record ErasureRequest(
            @Schema(description = "The complainant's e-mail address", example = "jan.devries@example.net")
            String email,

            @Schema(description = "Why (recorded in the audit log)", example = "Erasure request of 3 March by letter")
            String reason) {}

    /** What an erasure did: the complaints anonymised, and those a legal hold kept, with the hold's reason. */
    record Erasure(
            @Schema(description = "References of the complaints anonymised", example = "[\"CMP-2026-000042\"]")
            List<String> erased,

            @Schema(description = "Complaints kept because of a legal hold, with the reason")
            List<HeldComplaint> held) {}

    record HeldComplaint(
            @Schema(description = "The complaint's reference", example = "CMP-2026-000043")
            String reference,

            @Schema(description = "Why it is on hold", example = "Court case 2026/118")
            String legalHoldReason) {}

    @PostMapping("/api/staff/privacy/erasures")
    @Operation(summary = "Anonymise a complainant's data now")
    @ApiResponse(responseCode = "200", description = "What was erased and what is held")
    @ApiResponse(responseCode = "400", ref = ApiErrors.STAFF_INVALID)
    @ApiResponse(responseCode = "404", ref = ApiErrors.STAFF_NOT_FOUND)
    Erasure erase(@RequestBody(required = false) ErasureRequest request) {
        String actor = staff.requireAnyGroup(StaffGroups.MANAGERS, StaffGroups.ADMIN);
        if (request == null) {
            throw new InvalidInputException("Send {\"email\": ..., \"reason\": ...}");
        }
        String email = requireEmail(request.email());
        String reason = requireReason(request.reason());
        List<Long> complaints = subjects.complaintsOf(email);
        if (complaints.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No complaint was filed with this e-mail address.");
        }
        notNaming(complaints, actor);
        List<String> erased = new ArrayList<>();
        List<HeldComplaint> held = new ArrayList<>();
        for (Long id : complaints) {
            AccessMarkings markings = register.accessMarkings(id);
            if (anonymiser.anonymise(id, "erasure request: " + reason, actor)) {
                erased.add(markings.reference());
            } else {
                held.add(new HeldComplaint(markings.reference(), String.valueOf(markings.legalHoldReason())));
            }
        }
        return new Erasure(erased, held);
    }

    record LegalHold(
            @Schema(description = "true holds the data past retention, false releases the hold", example = "true")
            Boolean held,

            @Schema(description = "Why (recorded in the audit log)", example = "Court case 2026/123")
            String reason) {}

    record LegalHoldState(
            @Schema(description = "The complaint's reference", example = "CMP-2026-000043")
            String reference,

            @Schema(description = "Whether the complaint is now on legal hold", example = "true")
            boolean legalHold) {}

    @PutMapping("/api/staff/complaints/{reference}/legal-hold")
    @Operation(summary = "Set or release a legal hold")
    @ApiResponse(responseCode = "200", description = "The hold now")
    @ApiResponse(responseCode = "400", ref = ApiErrors.STAFF_INVALID)
    @ApiResponse(responseCode = "404", ref = ApiErrors.STAFF_NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiErrors.STAFF_CONFLICT)
    @Transactional
    LegalHoldState legalHold(
            @Parameter(description = "The complaint's reference", example = "CMP-2026-000042") @PathVariable
                    String reference,
            @RequestBody(required = false) LegalHold hold) {
        String actor = staff.requireAnyGroup(StaffGroups.MANAGERS, StaffGroups.ADMIN);
        if (hold == null || hold.held() == null) {
            throw new InvalidInputException("held: say true (hold the data) or false (release the hold)");
        }
        Complaint complaint = register.getByReference(reference);
        NamedStaff.requireNotNamed(register.accessMarkings(complaint.id()), actor);
        if (register.accessMarkings(complaint.id()).anonymised() && hold.held()) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "Complaint " + reference + " was already anonymised; there is no personal data left to hold.");
        }
        String reason = hold.held() ? requireReason(hold.reason()) : null;
        legalHolds.set(complaint.id(), hold.held(), reason, actor);
        return new LegalHoldState(reference, hold.held());
    }

    private static String requireEmail(String email) {
        if (email == null || !email.trim().matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidInputException("email: give the complainant's e-mail address");
        }
        return email.trim();
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.trim().length() < 5) {
            throw new InvalidInputException(
                    "reason: say why (at least 5 characters); it is kept in the complaint's history");
        }
        return reason.trim();
    }
}
