package org.complaints.improvement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.complaints.deadlines.DeadlineProperties;
import org.complaints.engine.InvalidInputException;
import org.complaints.engine.authorization.EngineAuthority;
import org.complaints.investigation.InvestigationService;
import org.complaints.register.EventLog;
import org.complaints.security.StaffGroups;
import org.springframework.stereotype.Service;

/**
 * The stages of a corrective action (ISO 10002 8.7) as the diagram {@code corrective-action} records them:
 * root-cause analysis, plan with owner and due date, implementation, supervision when overdue, effectiveness
 * check and closure. Each stage checks what a person entered (a refusal leaves the task open with the reason on
 * the form) and adds to the action's own record.
 */
@Service
public class CorrectiveActionService {

    public static final List<String> EFFECTIVENESS_RESULTS = List.of("effective", "not-effective");
    public static final List<String> SEND_BACK_TO = List.of("action-plan", "root-cause");
    private static final List<String> STAFF =
            List.of(StaffGroups.INTAKE, StaffGroups.HANDLERS, StaffGroups.MANAGERS, StaffGroups.QUALITY);

    private final CorrectiveActionRegister register;
    private final CorrectiveActionDeadlines deadlines;
    private final EventLog events;
    private final IdentityService identity;
    private final EngineAuthority authority;
    private final Clock clock;
    private final DateTimeFormatter dates;

    public CorrectiveActionService(
            CorrectiveActionRegister register,
            CorrectiveActionDeadlines deadlines,
            EventLog events,
            IdentityService identity,
            EngineAuthority authority,
            Clock clock,
            DeadlineProperties calendar) {
        this.register = register;
        this.deadlines = deadlines;
        this.events = events;
        this.identity = identity;
        this.authority = authority;
        this.clock = clock;
        this.dates = DateTimeFormatter.ISO_LOCAL_DATE.withZone(calendar.zone());
    }

    public record Plan(String owner, Instant due, Instant reminder) {}

    public record Revision(String owner, Instant due) {}

    public record Check(boolean effective, String sendBackTo, int nextRound) {}

    public void recordRootCause(long actionId, String rootCause, String analysis, String actor) {
        List<String> problems = new ArrayList<>();
        if (rootCause == null || !InvestigationService.ROOT_CAUSES.contains(rootCause)) {
            problems.add("rootCause: choose one of " + String.join(", ", InvestigationService.ROOT_CAUSES));
        }
        requireText(problems, "rootCauseAnalysis", analysis, 20, "describe the analysis and the cause found");
        refuse(problems);
        CorrectiveAction action = register.get(actionId);
        register.recordRootCause(actionId, rootCause, analysis);
        register.event(
                actionId,
                "ROOT_CAUSE_ANALYSED",
                actor,
                "Round " + action.round() + ": root cause " + rootCause,
                analysis);
    }

    public Plan recordPlan(long actionId, String plan, String owner, LocalDate requestedDue, String actor) {
        List<String> problems = new ArrayList<>();
        requireText(problems, "actionPlan", plan, 20, "describe what will be done");
        String checkedOwner = null;
        try {
            checkedOwner = staffMember("actionOwner", owner);
        } catch (InvalidInputException e) {
            problems.add(e.getMessage());
        }
        Instant due = null;
        try {
            due = deadlines.implementationDue(requestedDue, "actionDueDate");
        } catch (InvalidInputException e) {
            problems.add(e.getMessage());
        }
        refuse(problems);
        CorrectiveAction action = register.get(actionId);
        register.recordPlan(actionId, plan, checkedOwner, due);
        register.event(
                actionId,
                "PLANNED",
                actor,
                "Round " + action.round() + ": " + checkedOwner + " carries out the plan by " + dates.format(due)
                        + (requestedDue == null ? " (default period)" : ""),
                plan);
        return new Plan(checkedOwner, due, deadlines.reminderDate(due));
    }

    /** Records the owner's report; returns when the effectiveness check falls due. */
    public Instant recordImplementation(long actionId, String notes, String actor) {
        List<String> problems = new ArrayList<>();
        requireText(problems, "implementationNotes", notes, 20, "describe what was done");
        refuse(problems);
        CorrectiveAction action = register.get(actionId);
        Instant now = clock.instant();
        Instant checkDue = deadlines.effectivenessCheckDue();
        register.recordImplementation(actionId, notes, now, checkDue);
        register.event(
                actionId,
                "IMPLEMENTED",
                actor,
                "Round " + action.round() + ": implemented"
                        + (action.dueDate() != null && now.isAfter(action.dueDate())
                                ? " after the due date " + dates.format(action.dueDate())
                                : "")
                        + "; effectiveness check due " + dates.format(checkDue),
                notes);
        return checkDue;
    }

    /**
     * A complaint manager takes charge of an overdue action: a revised due date and, if need be, another owner
     * (who takes over with {@link #changeOwner}, when the implementation task is handed over).
     */
    public Revision reviseDueDate(long actionId, LocalDate revised, String notes, String newOwner, String actor) {
        List<String> problems = new ArrayList<>();
        requireText(problems, "supervisionNotes", notes, 10, "describe what you decided");
        Instant due = null;
        if (revised == null) {
            problems.add("revisedDueDate: the revised due date is required");
        } else {
            try {
                due = deadlines.implementationDue(revised, "revisedDueDate");
            } catch (InvalidInputException e) {
                problems.add(e.getMessage());
            }
        }
        CorrectiveAction action = register.get(actionId);
        String owner = action.owner();
        if (newOwner != null && !newOwner.isBlank()) {
            try {
                owner = staffMember("newActionOwner", newOwner);
            } catch (InvalidInputException e) {
                problems.add(e.getMessage());
            }
        }
        refuse(problems);
        register.reviseDueDate(actionId, due);
        register.event(
                actionId,
                "SUPERVISED",
                actor,
                "Overdue action supervised: due " + dates.format(due)
                        + (owner.equals(action.owner()) ? "" : ", handed over to " + owner),
                notes);
        return new Revision(owner, due);
    }

    /**
     * Whoever is given the implementation task owns the action from then on (a manager's hand-over in Tasklist or
     * after supervision): a member of staff, recorded on the action. No-op for the current owner.
     */
    public String changeOwner(long actionId, String newOwner, String actor) {
        String owner = staffMember("assignee", newOwner);
        CorrectiveAction action = register.get(actionId);
        if (!owner.equals(action.owner())) {
            register.changeOwner(actionId, owner);
            register.event(actionId, "OWNER_CHANGED", actor, "Owner " + action.owner() + " replaced by " + owner, null);
        }
        return owner;
    }

    public Check recordCheck(long actionId, String result, String notes, String sendBackTo, String actor) {
        List<String> problems = new ArrayList<>();
        if (result == null || !EFFECTIVENESS_RESULTS.contains(result)) {
            problems.add("effectivenessResult: choose effective or not-effective");
        }
        requireText(problems, "effectivenessNotes", notes, 20, "give the evidence for your conclusion");
        boolean effective = "effective".equals(result);
        if (!effective && (sendBackTo == null || !SEND_BACK_TO.contains(sendBackTo))) {
            problems.add("sendBackTo: an action that did not work goes back to the action plan or the root-cause "
                    + "analysis; choose action-plan or root-cause");
        }
        refuse(problems);
        CorrectiveAction action = register.get(actionId);
        ActionStatus next = effective
                ? ActionStatus.MONITORING
                : "root-cause".equals(sendBackTo) ? ActionStatus.ANALYSIS : ActionStatus.PLANNING;
        register.recordCheck(actionId, effective, notes, clock.instant(), next);
        register.event(
                actionId,
                "CHECKED",
                actor,
                "Round " + action.round() + ": "
                        + (effective
                                ? "effective"
                                : "not effective, back to the "
                                        + ("root-cause".equals(sendBackTo) ? "root-cause analysis" : "action plan")),
                notes);
        return new Check(effective, effective ? null : sendBackTo, effective ? action.round() : action.round() + 1);
    }

    /** Closed as effective; every linked complaint's event log says so. */
    public void close(long actionId, String actor) {
        CorrectiveAction action = register.get(actionId);
        if (!action.isOpen()) {
            return;
        }
        register.close(actionId, ActionStatus.CLOSED, clock.instant());
        register.event(actionId, "CLOSED", actor, "Closed as effective after " + action.round() + " round(s)", null);
        for (CorrectiveActionRegister.LinkedComplaint complaint : register.complaintsOf(actionId)) {
            events.append(
                    complaint.complaintId(),
                    "CORRECTIVE_ACTION_CLOSED",
                    actor,
                    "Corrective action " + action.reference() + " closed: found effective",
                    null);
        }
    }

    /**
     * The action's process instance was cancelled before the action closed: the register says so, the subject is
     * free again, and every linked complaint's event log records it.
     */
    public void cancelled(long actionId, String reason, String actor) {
        CorrectiveAction action = register.get(actionId);
        if (!action.isOpen()) {
            return;
        }
        register.close(actionId, ActionStatus.CANCELLED, clock.instant());
        register.event(actionId, "CANCELLED", actor, "Process instance cancelled in round " + action.round(), reason);
        for (CorrectiveActionRegister.LinkedComplaint complaint : register.complaintsOf(actionId)) {
            events.append(
                    complaint.complaintId(),
                    "CORRECTIVE_ACTION_CANCELLED",
                    actor,
                    "Corrective action " + action.reference() + " cancelled before its effect was checked",
                    null);
        }
    }

    // ------------------------------------------------------------------ shown on the task forms

    /**
     * The complaints behind the action, one line each (reference, category, received, stage); confidential ones
     * without their reference, which only complaint managers look up (ISO 10002 4.10).
     */
    public String linkedComplaintsSummary(long actionId) {
        List<CorrectiveActionRegister.LinkedComplaint> linked = register.complaintsOf(actionId);
        if (linked.isEmpty()) {
            return "No complaint is linked to this action.";
        }
        StringBuilder text = new StringBuilder();
        for (CorrectiveActionRegister.LinkedComplaint complaint : linked) {
            text.append("- ")
                    .append(complaint.confidential() ? "confidential complaint" : complaint.reference())
                    .append(": ")
                    .append(complaint.category() == null ? "no category" : complaint.category())
                    .append(", received ")
                    .append(dates.format(complaint.receivedAt()))
                    .append(", ")
                    .append(complaint.stage().name().toLowerCase().replace('_', ' '))
                    .append(" (")
                    .append(describe(complaint.linkReason()))
                    .append(")\n");
        }
        return text.toString();
    }

    /** For the effectiveness check: complaints about the same subject since the action was implemented. */
    public String recurrenceSinceImplementation(long actionId) {
        CorrectiveAction action = register.get(actionId);
        if (action.implementedAt() == null) {
            return "";
        }
        ActionSubject subject = CorrectiveActionOpening.subject(action);
        long count = register.countComplaints(subject, action.implementedAt());
        return count + " complaint(s) about " + subject.describe() + " received since the action was implemented on "
                + dates.format(action.implementedAt()) + ".";
    }

    private static String describe(ActionTrigger reason) {
        return switch (reason) {
            case SYSTEMIC_FINDING -> "systemic cause found";
            case THRESHOLD -> "recurrence threshold";
            case MANUAL -> "linked by a complaint manager";
        };
    }

    // ------------------------------------------------------------------ checks

    /** A staff member by user id; an action owner must be able to see the task in Tasklist. */
    String staffMember(String field, String userId) {
        if (userId == null || userId.isBlank()) {
            throw new InvalidInputException(field + ": name the member of staff by their user id");
        }
        String id = userId.strip();
        boolean staff = authority.withoutAuthorization(() -> STAFF.stream()
                .anyMatch(group -> identity.createUserQuery()
                                .userId(id)
                                .memberOfGroup(group)
                                .count()
                        > 0));
        if (!staff) {
            throw new InvalidInputException(field + ": there is no staff account \"" + id + "\" in the complaint "
                    + "groups. Name staff by their user id.");
        }
        return id;
    }

    private static void requireText(List<String> problems, String field, String value, int minimum, String what) {
        if (value == null || value.length() < minimum) {
            problems.add(field + ": " + what + " in at least " + minimum + " characters");
        } else if (value.length() > 4000) {
            problems.add(field + ": at most 4000 characters");
        }
    }

    private static void refuse(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
