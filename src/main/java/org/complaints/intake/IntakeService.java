package org.complaints.intake;

import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.complaints.register.AttachmentRegister;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.complaints.register.NewComplaint;
import org.complaints.register.Representative;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way into the register (ISO 10002 7.2): every channel turns what it received into a
 * {@link ComplaintSubmission}; the intake validates it, gives it a reference and starts the process.
 */
@Service
public class IntakeService {

    public static final String PROCESS_KEY = "complaint-handling";
    public static final String MESSAGE_COMPLAINT_RECEIVED = "ComplaintReceived";

    private final SubmissionValidator validator;
    private final ComplaintRegister register;
    private final EventLog events;
    private final RuntimeService runtime;
    private final AttachmentRegister attachments;
    private final Clock clock;

    public IntakeService(
            SubmissionValidator validator,
            ComplaintRegister register,
            EventLog events,
            RuntimeService runtime,
            AttachmentRegister attachments,
            Clock clock) {
        this.validator = validator;
        this.register = register;
        this.events = events;
        this.runtime = runtime;
        this.attachments = attachments;
        this.clock = clock;
    }

    /** Text as stored: trimmed, NFC; blank optional fields become absent. */
    private static ComplaintSubmission normalized(ComplaintSubmission s) {
        return new ComplaintSubmission(
                s.channel(),
                s.receivedBy(),
                clean(s.complainantName()),
                clean(s.complainantEmail()),
                clean(s.complainantPhone()),
                clean(s.preferredLanguage()),
                clean(s.productOrService()),
                clean(s.description()),
                s.incidentDate(),
                clean(s.remedySought()),
                clean(s.receiptNotes()),
                s.severity(),
                s.impact(),
                s.category(),
                s.safetyRelevant(),
                address(s.postalAddress()),
                clean(s.preferredContact()),
                clean(s.accessibilityNeeds()),
                clean(s.accessibilityNote()),
                clean(s.representativeName()),
                clean(s.representativeEmail()),
                clean(s.representativePhone()),
                address(s.representativePostalAddress()),
                clean(s.representativeRelation()),
                s.representativeConsent());
    }

    /** A postal address as stored: its lines separated by a line feed, whichever line ends the form sent. */
    private static String address(String text) {
        String cleaned = clean(text);
        return cleaned == null ? null : cleaned.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String clean(String text) {
        String normalized = TextHygiene.normalize(text);
        return normalized == null || normalized.isEmpty() ? null : normalized;
    }

    /** Validates and records a complaint; the caller is a process step that already runs for it. */
    @Transactional
    public Complaint register(ComplaintSubmission received) {
        ComplaintSubmission submission = normalized(received);
        validator.validate(submission);
        Complaint complaint = register.create(new NewComplaint(
                submission.channel(),
                clock.instant(),
                submission.receivedBy(),
                submission.complainantName(),
                submission.complainantEmail(),
                submission.complainantPhone(),
                submission.preferredLanguage(),
                submission.productOrService(),
                submission.description(),
                submission.incidentDate(),
                submission.remedySought(),
                submission.receiptNotes(),
                Objects.requireNonNullElse(submission.severity(), "medium"),
                Objects.requireNonNullElse(submission.impact(), "individual"),
                Objects.requireNonNullElse(submission.category(), "other"),
                Boolean.TRUE.equals(submission.safetyRelevant()),
                submission.postalAddress(),
                submission.preferredContact(),
                submission.accessibilityNeeds(),
                submission.accessibilityNote(),
                submission.hasRepresentative()
                        ? new Representative(
                                submission.representativeName(),
                                submission.representativeEmail(),
                                submission.representativePhone(),
                                submission.representativePostalAddress(),
                                submission.representativeRelation(),
                                Boolean.TRUE.equals(submission.representativeConsent()))
                        : null));
        events.append(
                complaint.id(),
                "RECEIVED",
                submission.receivedBy() == null ? "complainant" : submission.receivedBy(),
                "Complaint received through channel " + complaint.channel() + " and registered as "
                        + complaint.reference(),
                null);
        return complaint;
    }

    /**
     * Records a complaint from a channel and starts its process with the message {@code ComplaintReceived}, in
     * one transaction: either both happen or neither.
     */
    @Transactional
    public Complaint file(ComplaintSubmission submission) {
        return file(submission, List.of());
    }

    /** As {@link #file(ComplaintSubmission)}, with supporting documents already checked by {@link AttachmentPolicy}. */
    @Transactional
    public Complaint file(ComplaintSubmission submission, List<Attachment> attachments) {
        Complaint complaint = register(submission);
        for (Attachment attachment : attachments) {
            this.attachments.add(
                    complaint.id(),
                    attachment.fileName(),
                    attachment.contentType(),
                    attachment.content(),
                    complaint.receivedAt());
        }
        runtime.createMessageCorrelation(MESSAGE_COMPLAINT_RECEIVED)
                .processInstanceBusinessKey(complaint.reference())
                .setVariables(processVariables(complaint))
                .correlateStartMessage();
        return register.get(complaint.id());
    }

    /** What the process carries of a complaint: ids, flags, dates and what Tasklist forms display. */
    public static Map<String, Object> processVariables(Complaint c) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("complaintId", c.id());
        variables.put("reference", c.reference());
        variables.put("receivedAt", Date.from(c.receivedAt()));
        variables.put("channel", c.channel());
        variables.put("preferredLanguage", c.language());
        variables.put("productOrService", c.productOrService());
        variables.put("description", c.description());
        variables.put("remedySought", c.remedySought());
        variables.put("severity", c.severity());
        variables.put("impact", c.impact());
        variables.put("category", c.category());
        variables.put("safetyRelevant", c.safetyRelevant());
        variables.put("reviewRound", c.reviewRound());
        return variables;
    }
}
