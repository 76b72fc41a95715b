package org.complaints.audit;

import org.complaints.security.StaffAccess;
import org.complaints.security.StaffApi;
import org.complaints.security.StaffGroups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Verifies the audit chain on demand, for auditors, quality managers and administrators (ISO 10002 4.12, 8.5). */
@RestController
@StaffApi
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
    AuditVerifier.Verification verify() {
        staff.requireAnyGroup(StaffGroups.QUALITY, StaffGroups.MANAGERS, StaffGroups.ADMIN);
        sealer.sealNow();
        return verifier.verify();
    }
}
