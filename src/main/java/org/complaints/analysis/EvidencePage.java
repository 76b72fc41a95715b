package org.complaints.analysis;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.complaints.security.StaffAccess;
import org.complaints.security.StaffGroups;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** One printable page per complaint with its whole timeline, for auditors (ISO 10002 8.5). */
@Controller
class EvidencePage {

    private final EvidenceRecords records;
    private final StaffAccess staff;
    private final IdentityService identity;

    private final LocalTimes local;

    EvidencePage(EvidenceRecords records, StaffAccess staff, IdentityService identity, PerformanceReports reports) {
        this.local = new LocalTimes(reports.zone());
        this.records = records;
        this.staff = staff;
        this.identity = identity;
    }

    @GetMapping("/staff/complaints/{reference}/evidence")
    String evidence(@PathVariable String reference, Model model) {
        String user = staff.requireAnyGroup(StaffGroups.QUALITY, StaffGroups.MANAGERS, StaffGroups.ADMIN);
        Authentication authentication = identity.getCurrentAuthentication();
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        model.addAttribute("user", user);
        model.addAttribute("local", local);
        model.addAttribute("record", records.read(reference.trim().toUpperCase(), user, groups));
        return "staff/evidence";
    }
}
