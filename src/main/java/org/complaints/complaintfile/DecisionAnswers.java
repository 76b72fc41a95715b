package org.complaints.complaintfile;

import java.util.Map;
import org.complaints.audit.AuditLog;
import org.complaints.engine.InvalidInputException;
import org.complaints.engine.authorization.EngineAuthority;
import org.complaints.intake.ComplainantMessages;
import org.complaints.intake.ComplaintNotOpenException;
import org.complaints.register.AccessMarkings;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The complainant's answer to the decision as staff take it down (ISO 10002 4.5, 7.9): a complainant who phones,
 * writes or comes in answers as well as one who uses the status page. Handlers of the complaint's group and
 * complaint managers record it; the process moves on as on the complainant's own answer, and the audit log keeps
 * who took it and how it came in.
 */
@Service
class DecisionAnswers {

    private final ComplaintRegister register;
    private final ComplaintVisibility visibility;
    private final ComplainantMessages messages;
    private final AuditLog audit;
    private final EngineAuthority authority;

    DecisionAnswers(
            ComplaintRegister register,
            ComplaintVisibility visibility,
            ComplainantMessages messages,
            AuditLog audit,
            EngineAuthority authority) {
        this.register = register;
        this.visibility = visibility;
        this.messages = messages;
        this.audit = audit;
        this.authority = authority;
    }

    /** "accepted" or "rejected", as the API and the page send it. */
    static Boolean accepted(String answer) {
        if ("accepted".equals(answer)) {
            return true;
        }
        return "rejected".equals(answer) ? false : null;
    }

    @Transactional
    public void record(Viewer viewer, String reference, String answer, String receivedBy, String note) {
        Complaint complaint = register.getByReference(ComplaintFiles.normalise(reference));
        AccessMarkings markings = register.accessMarkings(complaint.id());
        visibility.require(viewer, markings);
        boolean handler = complaint.handlingGroup() != null && viewer.groups().contains(complaint.handlingGroup());
        if (!viewer.seesEverything() && !handler) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN,
                    "The decision of " + complaint.reference() + " is answered on the complainant's behalf by the"
                            + " handlers of its group (" + complaint.handlingGroup() + ") or a complaint manager.");
        }
        if (answer != null && accepted(answer) == null) {
            throw new InvalidInputException("answer: '" + answer + "' is neither accepted nor rejected");
        }
        try {
            // the answer is the complainant's message to their process, which no staff grant covers; who may
            // record it was checked above
            authority.withoutAuthorization(() -> messages.answerDecisionOnBehalf(
                    complaint.reference(), accepted(answer), receivedBy, note, viewer.user()));
        } catch (ComplaintNotOpenException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
        audit.append(
                complaint.id(),
                markings.processInstanceId(),
                viewer.user(),
                "complaintfile.DECISION_ANSWERED_ON_BEHALF",
                "complaint:" + complaint.reference(),
                null,
                Map.of("answer", answer, "receivedBy", receivedBy));
    }
}
