package org.complaints.assessment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.complaints.deadlines.Deadlines;
import org.complaints.deadlines.WorkingDayCalendar;
import org.complaints.engine.InvalidInputException;
import org.complaints.mail.MailFormats;
import org.complaints.register.Assessment;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Initial assessment (ISO 10002 7.5): applies the decision table's result, commits the response date, and
 * records the handler's confirmation or override with its reasons (4.12).
 */
@Service
public class AssessmentService {

    private final ComplaintRegister register;
    private final EventLog events;
    private final Deadlines deadlines;
    private final MailFormats formats;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final AssessmentRules rules;
    private final WorkingDayCalendar calendar;

    public AssessmentService(
            ComplaintRegister register,
            EventLog events,
            Deadlines deadlines,
            MailFormats formats,
            Clock clock,
            ApplicationEventPublisher publisher,
            AssessmentRules rules,
            WorkingDayCalendar calendar) {
        this.rules = rules;
        this.calendar = calendar;
        this.clock = clock;
        this.register = register;
        this.events = events;
        this.deadlines = deadlines;
        this.formats = formats;
        this.publisher = publisher;
    }

    /** The decision table's result becomes the committed response date and the stage dates derived from it. */
    public StageDates applyRuleResult(long complaintId, String priority, String handlingGroup, int responseDays) {
        checkKnown(priority, handlingGroup);
        Complaint complaint = register.get(complaintId);
        Instant deadline = deadlines.responseDeadline(complaint.receivedAt(), responseDays);
        register.recordRuleAssessment(complaintId, priority, handlingGroup, responseDays, deadline);
        events.append(
                complaintId,
                "RULE_ASSESSMENT",
                "system",
                "Decision table complaint-assessment: priority "
                        + priority + ", " + responseDays + " working days, handling group " + handlingGroup
                        + "; committed response date " + formats.date(deadline, "en"),
                null);
        return new StageDates(
                deadline, deadlines.reminderDate(deadline), deadlines.assessmentDue(complaint.receivedAt()));
    }

    /**
     * Records the handler's assessment. The decision table is evaluated again with the handler's classification
     * (a channel's complaint got the table's default row at receipt): its priority, handling group and response
     * days replace the receipt's, and the handler's explicit override still wins over them.
     *
     * <p>The committed response date was told to the complainant in the acknowledgement. It never moves later
     * through a reclassification (that would break the promise, 4.15); a shorter time limit brings it earlier,
     * but never before the end of the next working day, so the new handling group has at least one working day.
     *
     * @param processDefinitionId the asking process's definition: the decision table deployed with it is used
     */
    public ConfirmedAssessment confirm(
            long complaintId, AssessmentInput input, String actor, String processDefinitionId) {
        Complaint complaint = register.get(complaintId);
        List<String> problems = new ArrayList<>();
        String scopeDecision = input.scopeDecision();
        boolean inScope = Classification.IN_SCOPE.equals(scopeDecision);
        boolean notAComplaint = Classification.NOT_A_COMPLAINT.equals(scopeDecision);
        if (!Classification.SCOPE_DECISIONS.contains(scopeDecision)) {
            problems.add("scopeDecision: choose in-scope, out-of-scope or not-a-complaint");
        }
        if (notAComplaint) {
            checkOneOf(problems, "notComplaintKind", input.notComplaintKind(), Classification.NOT_COMPLAINT_KINDS);
        }
        if (!inScope && (input.scopeReason() == null || input.scopeReason().length() < 10)) {
            problems.add("scopeReason: explain in at least 10 characters why "
                    + (notAComplaint ? "this is not a complaint" : "the complaint is out of scope")
                    + "; the complainant receives this explanation");
        }
        checkOneOf(problems, "severity", input.severity(), Classification.SEVERITIES);
        checkOneOf(problems, "impact", input.impact(), Classification.IMPACTS);
        checkOneOf(problems, "category", input.category(), Classification.CATEGORIES);

        String priority = complaint.priority();
        String group = complaint.handlingGroup();
        int days = complaint.responseDays();
        Instant deadline = complaint.responseDeadline();
        // a reopened complaint's response time counts from its reopening, like the date it was told then
        Instant responseFrom = register.reopenedAt(complaintId).orElse(complaint.receivedAt());
        String reEvaluation = null;
        if (problems.isEmpty() && processDefinitionId != null) {
            AssessmentRules.RuleResult rule = rules.evaluate(
                    processDefinitionId, input.severity(), input.impact(), input.safetyRelevant(), input.category());
            checkKnown(rule.priority(), rule.handlingGroup());
            priority = rule.priority();
            group = rule.handlingGroup();
            Instant ruleDate = deadlines.responseDeadline(responseFrom, rule.responseDays());
            Instant earliest = calendar.workingDaysAfter(clock.instant(), 1);
            Instant shortened = ruleDate.isBefore(earliest) ? earliest : ruleDate;
            boolean moved = shortened.isBefore(deadline);
            if (moved) {
                deadline = shortened;
                days = rule.responseDays();
            }
            reEvaluation = "Decision table complaint-assessment with the handler's classification: priority "
                    + rule.priority() + ", " + rule.responseDays() + " working days, handling group "
                    + rule.handlingGroup() + "; committed response date "
                    + (moved ? "brought forward to " : "kept at ") + formats.date(deadline, "en");
        }
        if (input.overrideAssessment()) {
            checkOneOf(problems, "priorityOverride", input.priorityOverride(), Classification.PRIORITIES);
            checkOneOf(
                    problems, "handlingGroupOverride", input.handlingGroupOverride(), Classification.HANDLING_GROUPS);
            if (input.overrideReason() == null || input.overrideReason().length() < 10) {
                problems.add("overrideReason: an override needs its reason (at least 10 characters)");
            }
            if (input.responseDaysOverride() != null) {
                if (input.responseDaysOverride() < 1) {
                    problems.add("responseDaysOverride: at least 1 working day");
                } else {
                    Instant overridden = deadlines.responseDeadline(responseFrom, input.responseDaysOverride());
                    if (overridden.isAfter(deadline)) {
                        problems.add(
                                "responseDaysOverride: " + input.responseDaysOverride() + " working days would end on "
                                        + formats.date(overridden, "en") + ", after the response date committed to the "
                                        + "complainant (" + formats.date(deadline, "en")
                                        + "); an override may only shorten it");
                    } else {
                        days = input.responseDaysOverride();
                        deadline = overridden;
                    }
                }
            }
            priority = input.priorityOverride();
            group = input.handlingGroupOverride();
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Assessment assessment = new Assessment(
                inScope,
                inScope ? null : input.scopeReason(),
                input.severity(),
                input.impact(),
                input.category(),
                input.safetyRelevant(),
                priority,
                group,
                days,
                deadline);
        Instant assessedAt = clock.instant();
        register.recordAssessment(
                complaintId,
                assessment,
                assessedAt,
                !assessedAt.isAfter(deadlines.assessmentDue(complaint.receivedAt())));
        register.recordScopeDecision(complaintId, scopeDecision, notAComplaint ? input.notComplaintKind() : null);
        String summary = (inScope
                        ? "In scope"
                        : notAComplaint ? "Not a complaint (" + input.notComplaintKind() + ")" : "Out of scope")
                + "; priority " + priority + ", group " + group
                + ", committed response date " + formats.date(deadline, "en")
                + (input.overrideAssessment() ? " (rule result overridden)" : " (rule result confirmed)");
        StringBuilder detail = new StringBuilder();
        if (reEvaluation != null) {
            detail.append(reEvaluation).append('\n');
        }
        if (!inScope) {
            detail.append("Reason: ").append(input.scopeReason()).append('\n');
        }
        if (input.overrideAssessment()) {
            detail.append("Override reason: ").append(input.overrideReason()).append('\n');
        }
        if (input.notes() != null) {
            detail.append("Notes: ").append(input.notes());
        }
        events.append(complaintId, "ASSESSED", actor, summary, detail.isEmpty() ? null : detail.toString());
        publisher.publishEvent(new ComplaintAssessed(complaintId, inScope, actor));
        return new ConfirmedAssessment(assessment, deadlines.reminderDate(deadline));
    }

    private static void checkKnown(String priority, String handlingGroup) {
        if (!Classification.PRIORITIES.contains(priority) || !Classification.HANDLING_GROUPS.contains(handlingGroup)) {
            // a process owner's edit of the decision table produced a value the system does not know
            throw new IllegalStateException("Decision table complaint-assessment returned priority '" + priority
                    + "' and handling group '" + handlingGroup + "'; allowed are " + Classification.PRIORITIES
                    + " and " + Classification.HANDLING_GROUPS);
        }
    }

    private static void checkOneOf(List<String> problems, String field, String value, List<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            problems.add(field + ": choose one of " + String.join(", ", allowed));
        }
    }

    public record StageDates(Instant responseDeadline, Instant reminderDate, Instant assessmentDue) {}

    public record ConfirmedAssessment(Assessment assessment, Instant reminderDate) {}
}
