package org.complaints.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.complaints.apidocs.ApiErrors;
import org.complaints.security.StaffAccess;
import org.complaints.security.StaffApi;
import org.complaints.security.StaffGroups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Verifies the audit chain on demand, for auditors, quality managers and administrators (ISO 10002 4.12, 8.5). */
@RestController
@StaffApi
@Tag(name = "staff")
@SecurityRequirement(name = ApiErrors.STAFF_SECURITY)
@ApiResponse(responseCode = "401", ref = ApiErrors.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = ApiErrors.FORBIDDEN)
class AuditController {

    private final AuditSealer sealer;
    private final AuditVerifier verifier;
    private final StaffAccess staff;

    AuditController(AuditSealer sealer, AuditVerifier verifier, StaffAccess staff) {
        this.sealer = sealer;
        this.verifier = verifier;
        this.staff = staff;
    }

    @GetMapping("/api/staff/audit/verification")
    @Operation(
            summary = "Verify the audit hash chain",
            description = "Recomputes the chain; names changed, deleted or slipped-in rows.")
    @ApiResponse(responseCode = "200", description = "The verification")
    AuditVerifier.Verification verify() {
        staff.requireAnyGroup(StaffGroups.QUALITY, StaffGroups.MANAGERS, StaffGroups.ADMIN);
        sealer.sealNow();
        return verifier.verify();
    }
}
