package org.complaints.analysis;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.complaints.register.ComplaintEvent;

/** Which clause of ISO 10002:2018 a step of a complaint's record evidences, for the auditor's evidence record. */
final class IsoClauses {

    private static final Map<String, String> BY_EVENT = Map.ofEntries(
            Map.entry("RECEIVED", "7.2 Receipt"),
            Map.entry("ATTACHMENTS_REFUSED", "7.2 Receipt"),
            Map.entry("ACKNOWLEDGED", "7.4 Acknowledgement"),
            Map.entry("RULE_ASSESSMENT", "7.5 Initial assessment"),
            Map.entry("ASSESSED", "7.5 Initial assessment"),
            Map.entry("STAGE", "7.3 Tracking"),
            Map.entry("DEADLINE_REVISED", "7.3 Tracking"),
            Map.entry("REMINDER_NOT_SENT", "7.3 Tracking"),
            Map.entry("INFORMATION_ADDED", "7.3 Tracking"),
            Map.entry("RELATED_FOUND", "7.6 Investigation"),
            Map.entry("INVESTIGATED", "7.6 Investigation"),
            Map.entry("PROPOSED", "7.7 Response"),
            Map.entry("APPROVED", "7.7 Response (four eyes)"),
            Map.entry("RETURNED", "7.7 Response (four eyes)"),
            Map.entry("DECIDED", "7.7 Response"),
            Map.entry("DECISION_COMMUNICATED", "7.8 Communicating the decision"),
            Map.entry("DECISION_ACCEPTED", "7.8 Communicating the decision"),
            Map.entry("DECISION_REJECTED", "7.8 Communicating the decision"),
            Map.entry("REVIEW_DECIDED", "7.9 Closing (internal review)"),
            Map.entry("EXTERNAL_REFERRAL", "7.9 Closing (external recourse)"),
            Map.entry("WITHDRAWN", "7.9 Closing"),
            Map.entry("CLOSED", "7.9 Closing"),
            Map.entry("ACCESS_CHANGED", "4.10 Confidentiality"),
            Map.entry("ANONYMISED", "4.10 Confidentiality"),
            Map.entry("LEGAL_HOLD", "4.10 Confidentiality"),
            Map.entry("SURVEY_SENT", "8.3 Satisfaction"),
            Map.entry("SURVEY_ANSWERED", "8.3 Satisfaction"),
            Map.entry("SURVEY_NOT_DELIVERED", "8.3 Satisfaction"),
            Map.entry("CORRECTIVE_ACTION_OPENED", "8.7 Continual improvement"),
            Map.entry("CORRECTIVE_ACTION_LINKED", "8.7 Continual improvement"),
            Map.entry("CORRECTIVE_ACTION_CLOSED", "8.7 Continual improvement"),
            Map.entry("CORRECTIVE_ACTION_CANCELLED", "8.7 Continual improvement"),
            Map.entry("RECURRENCE_CHECK_FAILED", "8.7 Continual improvement"));

    private static final Map<String, String> BY_MAIL_TEMPLATE = Map.ofEntries(
            Map.entry("acknowledgement", "7.4 Acknowledgement"),
            Map.entry("out-of-scope", "7.5 Initial assessment"),
            Map.entry("status-update", "7.3 Tracking"),
            Map.entry("delay-notice", "7.3 Tracking"),
            Map.entry("deadline-reminder", "7.3 Tracking"),
            Map.entry("decision", "7.8 Communicating the decision"),
            Map.entry("review-decision", "7.9 Closing (internal review)"),
            Map.entry("closure-notice", "7.9 Closing"),
            Map.entry("withdrawal-confirmation", "7.9 Closing"),
            Map.entry("survey-invitation", "8.3 Satisfaction"));

    private static final Map<String, String> BY_TASK = Map.ofEntries(
            Map.entry("Confirm initial assessment", "7.5 Initial assessment"),
            Map.entry("Take immediate action", "7.5 Initial assessment (immediate action)"),
            Map.entry("Investigate complaint", "7.6 Investigation"),
            Map.entry("Propose resolution", "7.7 Response"),
            Map.entry("Approve resolution", "7.7 Response (four eyes)"),
            Map.entry("Carry out remedy", "7.8 Communicating the decision (remedy)"),
            Map.entry("Review complaint internally", "7.9 Closing (internal review)"),
            Map.entry("Record external referral", "7.9 Closing (external recourse)"),
            Map.entry("Record external outcome", "7.9 Closing (external recourse)"),
            Map.entry("Supervise overdue complaint", "7.3 Tracking (escalation)"),
            Map.entry("Review added information", "7.3 Tracking"));

    private static final Pattern MAIL = Pattern.compile("E-mail '([a-z-]+)'");
    private static final String UNMAPPED = "7.3 Tracking";

    private IsoClauses() {
    }

    static String of(ComplaintEvent event) {
        if ("MAIL_SENT".equals(event.type())) {
            Matcher template = MAIL.matcher(event.summary());
            return template.find() ? BY_MAIL_TEMPLATE.getOrDefault(template.group(1), "7.3 Tracking") : UNMAPPED;
        }
        if ("TASK_COMPLETED".equals(event.type())) {
            String task = event.summary().replaceFirst(" completed$", "");
            return BY_TASK.getOrDefault(task, UNMAPPED);
        }
        return BY_EVENT.getOrDefault(event.type(), UNMAPPED);
    }
}
