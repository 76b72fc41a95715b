package org.complaints.investigation;

import java.util.ArrayList;
import java.util.List;
import org.complaints.engine.InvalidInputException;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Records the investigation's findings and root cause (ISO 10002 7.6, 8.2 causes). */
@Service
public class InvestigationService {

    public static final List<String> ROOT_CAUSES = List.of(
            "product-defect",
            "process-failure",
            "human-error",
            "communication",
            "policy",
            "third-party",
            "no-fault-found",
            "other");

    private final ComplaintRegister register;
    private final EventLog events;
    private final ApplicationEventPublisher publisher;

    public InvestigationService(ComplaintRegister register, EventLog events, ApplicationEventPublisher publisher) {
        this.register = register;
        this.events = events;
        this.publisher = publisher;
    }

    public void recordFindings(
            long complaintId,
            String findings,
            String evidence,
            String rootCause,
            boolean systemic,
            String investigator) {
        List<String> problems = new ArrayList<>();
        if (findings == null || findings.length() < 20) {
            problems.add("findings: describe the findings in at least 20 characters");
        }
        if (rootCause == null || !ROOT_CAUSES.contains(rootCause)) {
            problems.add("rootCause: choose one of " + String.join(", ", ROOT_CAUSES));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        register.recordFindings(complaintId, rootCause, systemic);
        events.append(
                complaintId,
                "INVESTIGATED",
                investigator,
                "Investigation completed; root cause " + rootCause + (systemic ? " (systemic)" : ""),
                "Findings: " + findings + (evidence == null ? "" : "\nEvidence: " + evidence));
        publisher.publishEvent(new FindingsRecorded(complaintId, rootCause, systemic, investigator));
    }
}
