package org.complaints.intake;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.complaints.engine.CurrentUser;
import org.complaints.engine.FormValues;
import org.complaints.engine.InvalidInputException;
import org.complaints.register.Channels;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.security.ComplaintAccess;
import org.complaints.security.NamedStaff;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterComplaint (ISO 10002 7.2): links the register record a channel made, or registers the complaint
 * a member of staff entered in the start form. Synchronous on purpose: missing or wrong data is refused to
 * the person submitting the form, and nothing is started.
 */
@Component
public class RegisterComplaintDelegate implements JavaDelegate {

    /** Personal data stays in the register; the process keeps only the reference. */
    /** References of likely earlier complaints of the same caller (DuplicateCheck), a Tasklist card column. */
    public static final String POSSIBLE_DUPLICATES = "possibleDuplicates";

    private static final List<String> PERSONAL_DATA = List.of(
            "complainantName",
            "complainantEmail",
            "complainantPhone",
            "postalAddress",
            "preferredContact",
            "accessibilityNeeds",
            "accessibilityNote",
            "representativeName",
            "representativeEmail",
            "representativePhone",
            "representativePostalAddress",
            "representativeRelation",
            "representativeConsent");

    /**
     * What staff register by hand: the web form and the API are the complainant's own channels, recorded by the
     * application itself, so a start form claiming them would falsify how the complaint came in.
     */
    static final List<String> STAFF_CHANNELS =
            List.of(Channels.PHONE, Channels.LETTER, Channels.IN_PERSON, Channels.EMAIL);

    private final IntakeService intake;
    private final ComplaintRegister register;
    private final ComplaintAccess access;
    private final CurrentUser currentUser;
    private final DuplicateCheck duplicates;

    public RegisterComplaintDelegate(
            IntakeService intake,
            ComplaintRegister register,
            ComplaintAccess access,
            CurrentUser currentUser,
            DuplicateCheck duplicates) {
        this.intake = intake;
        this.duplicates = duplicates;
        this.currentUser = currentUser;
        this.register = register;
        this.access = access;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormValues form = FormValues.of(execution);
        // set only by the intake service's start message: clients of the engine's API cannot send it
        Long complaintId = form.id("complaintId");
        // the person signed in, whatever a start request said; without one (a test starting the process), the initiator
        String registeredBy = currentUser.id().orElse(form.text("registeredBy"));
        if (complaintId == null && form.text("channel") != null && !STAFF_CHANNELS.contains(form.text("channel"))) {
            throw new InvalidInputException("channel: staff register complaints received by "
                    + String.join(", ", STAFF_CHANNELS) + "; '" + form.text("channel") + "' is not one of them.");
        }
        Complaint complaint = complaintId != null
                ? register.get(complaintId)
                : intake.register(new ComplaintSubmission(
                        form.text("channel"),
                        registeredBy,
                        form.text("complainantName"),
                        form.text("complainantEmail"),
                        form.text("complainantPhone"),
                        form.text("preferredLanguage"),
                        form.text("productOrService"),
                        form.text("description"),
                        form.date("incidentDate"),
                        form.text("remedySought"),
                        form.text("receiptNotes"),
                        form.text("severity"),
                        form.text("impact"),
                        form.text("category"),
                        form.flag("safetyRelevant"),
                        form.text("postalAddress"),
                        form.text("preferredContact"),
                        form.text("accessibilityNeeds"),
                        form.text("accessibilityNote"),
                        form.text("representativeName"),
                        form.text("representativeEmail"),
                        form.text("representativePhone"),
                        form.text("representativePostalAddress"),
                        form.text("representativeRelation"),
                        form.flag("representativeConsent")));
        String linked = complaint.processInstanceId();
        if (linked != null && !linked.equals(execution.getProcessInstanceId())) {
            // one complaint, one process: a second one would take the complainant's messages and escape erasure
            throw new InvalidInputException("complaintId: complaint " + complaint.reference()
                    + " is already being handled; it cannot be registered twice.");
        }
        register.linkProcessInstance(complaint.id(), execution.getProcessInstanceId());
        if (complaintId == null && (form.flag("confidential") || form.text("namedStaff") != null)) {
            // staff taking a complaint by phone or letter may see at once that it accuses a colleague
            access.markInProcess(
                    execution,
                    complaint.id(),
                    form.flag("confidential"),
                    NamedStaff.parse(form.text("namedStaff")),
                    registeredBy);
        }
        access.opened(complaint.id(), execution.getProcessInstanceId());
        // a channel's complaint arrives with its business key and variables already set: setting them again would
        // write a history row and an audit entry per variable (13 of an intake's 33) that record no change
        if (!complaint.reference().equals(execution.getProcessBusinessKey())) {
            execution.setProcessBusinessKey(complaint.reference());
        }
        execution.removeVariables(PERSONAL_DATA);
        Map<String, Object> variables = IntakeService.processVariables(complaint);
        variables
                .entrySet()
                .removeIf(variable -> Objects.equals(execution.getVariable(variable.getKey()), variable.getValue()));
        execution.setVariables(variables);
        // shown on the task cards of Tasklist's filters, so intake and handlers see a likely repeat at once
        List<DuplicateCheck.PossibleDuplicate> repeats = duplicates.of(complaint);
        if (!repeats.isEmpty()) {
            execution.setVariable(
                    POSSIBLE_DUPLICATES,
                    String.join(
                            ", ",
                            repeats.stream()
                                    .map(DuplicateCheck.PossibleDuplicate::reference)
                                    .toList()));
        }
    }
}
