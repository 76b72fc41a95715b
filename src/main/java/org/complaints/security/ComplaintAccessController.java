package org.complaints.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.complaints.apidocs.ApiErrors;
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
@Tag(name = "staff")
@SecurityRequirement(name = ApiErrors.STAFF_SECURITY)
@ApiResponse(responseCode = "401", ref = ApiErrors.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = ApiErrors.FORBIDDEN)
class ComplaintAccessController {

    private final ComplaintAccess access;
    private final ComplaintRegister register;
    private final StaffAccess staff;

    ComplaintAccessController(ComplaintAccess access, ComplaintRegister register, StaffAccess staff) {
        this.access = access;
        this.register = register;
        this.staff = staff;
    }

    record AccessRequest(
            @Schema(description = "true: only complaint managers see it", example = "true")
            Boolean confidential,

            @Schema(description = "Staff the complaint names: they never see it", example = "[\"jdoe\"]")
            List<String> namedStaff) {}

    /** A complaint's access markings; the legal hold's reason is the privacy API's, not shown here. */
    record AccessView(
            @Schema(description = "The complaint's reference", example = "CMP-2026-000042")
            String reference,

            @Schema(
                    description =
                            "Whether the complaint is confidential: only complaint managers and the staff assigned see it",
                    example = "false")
            boolean confidential,

            @Schema(
                    description = "User ids of staff the complaint names, who may neither see nor work it",
                    example = "[\"handler2\"]")
            List<String> namedStaff,

            @Schema(description = "Whether a legal hold keeps the complaint from anonymisation", example = "false")
            boolean legalHold) {}

    @GetMapping("/api/staff/complaints/{reference}/access")
    @Operation(summary = "Confidential marking and named staff")
    @ApiResponse(responseCode = "200", description = "The marking")
    @ApiResponse(responseCode = "404", ref = ApiErrors.STAFF_NOT_FOUND)
    AccessView get(
            @Parameter(description = "The complaint's reference", example = "CMP-2026-000042") @PathVariable
                    String reference) {
        String actor = staff.requireAnyGroup(StaffGroups.MANAGERS, StaffGroups.ADMIN);
        return view(NamedStaff.requireNotNamed(markings(reference), actor));
    }

    @PutMapping("/api/staff/complaints/{reference}/access")
    @Operation(summary = "Mark confidential, name staff")
    @ApiResponse(responseCode = "200", description = "The marking now")
    @ApiResponse(responseCode = "400", ref = ApiErrors.STAFF_INVALID)
    @ApiResponse(responseCode = "404", ref = ApiErrors.STAFF_NOT_FOUND)
    AccessView mark(
            @Parameter(description = "The complaint's reference", example = "CMP-2026-000042") @PathVariable
                    String reference,
            @RequestBody(required = false) AccessRequest request) {
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
