package org.complaints.improvement;

import java.util.List;
import org.complaints.investigation.FindingsRecorded;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An investigator who marks a cause as systemic opens a corrective action (ISO 10002 7.6, 8.7), in the
 * transaction that records the findings. The complaint joins the action already open about its category or,
 * failing that, about its product or service; otherwise a new action about its category opens.
 */
@Component
public class SystemicFindings {

    private final ComplaintRegister complaints;
    private final CorrectiveActionRegister register;
    private final CorrectiveActionOpening opening;

    public SystemicFindings(
            ComplaintRegister complaints, CorrectiveActionRegister register, CorrectiveActionOpening opening) {
        this.complaints = complaints;
        this.register = register;
        this.opening = opening;
    }

    @EventListener
    public void findingsRecorded(FindingsRecorded findings) {
        if (!findings.systemic()) {
            return;
        }
        Complaint complaint = complaints.get(findings.complaintId());
        ActionSubject byCategory = complaint.category() == null ? null : ActionSubject.category(complaint.category());
        ActionSubject byProduct = ActionSubject.product(complaint.productOrService());
        ActionSubject subject = byCategory;
        if (byCategory == null
                || (register.findOpen(byCategory).isEmpty()
                        && register.findOpen(byProduct).isPresent())) {
            subject = byProduct;
        }
        boolean category = subject == byCategory;
        // no complaint reference here: the linked complaints say which, to those who may see them (ISO 10002 4.10)
        String reason = "An investigation found a systemic cause (root cause " + findings.rootCause() + ")";
        opening.openOrLink(
                new CorrectiveActionRegister.NewAction(
                        ActionTrigger.SYSTEMIC_FINDING,
                        subject,
                        complaint.category(),
                        category ? null : complaint.productOrService(),
                        reason,
                        findings.rootCause(),
                        findings.investigator()),
                List.of(complaint.id()),
                findings.investigator());
    }
}
