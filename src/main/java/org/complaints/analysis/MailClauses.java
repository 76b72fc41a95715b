package org.complaints.analysis;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every e-mail template under {@code templates/mail/}, keyed by its name, with the ISO 10002:2018 clause an e-mail
 * from it evidences. A new template needs an entry here; {@code IsoClausesTest} fails until it has one.
 */
enum MailClauses {
    ACKNOWLEDGEMENT("acknowledgement", IsoClause.ACKNOWLEDGEMENT),
    OUT_OF_SCOPE("out-of-scope", IsoClause.INITIAL_ASSESSMENT),
    NOT_A_COMPLAINT("not-a-complaint", IsoClause.INITIAL_ASSESSMENT),
    STATUS_UPDATE("status-update", IsoClause.TRACKING),
    DELAY_NOTICE("delay-notice", IsoClause.TRACKING),
    DEADLINE_REMINDER("deadline-reminder", IsoClause.TRACKING),
    TASK_OVERDUE("task-overdue", IsoClause.TRACKING, "escalation"),
    DECISION("decision", IsoClause.COMMUNICATING_THE_DECISION),
    REVIEW_DECISION("review-decision", IsoClause.CLOSING, "internal review"),
    CLOSURE_NOTICE("closure-notice", IsoClause.CLOSING),
    EXTERNAL_REFERRAL_OFFER("external-referral-offer", IsoClause.CLOSING, "external recourse"),
    WITHDRAWAL_CONFIRMATION("withdrawal-confirmation", IsoClause.CLOSING),
    COMPLAINT_REOPENED("complaint-reopened", IsoClause.TRACKING, "reopening"),
    DUPLICATE_NOTICE("duplicate-notice", IsoClause.CLOSING, "duplicate"),
    SURVEY_INVITATION("survey-invitation", IsoClause.SATISFACTION),
    CORRECTIVE_ACTION_REMINDER("corrective-action-reminder", IsoClause.CONTINUAL_IMPROVEMENT),
    STAFF_MESSAGE("staff-message", IsoClause.TRACKING, "message from staff");

    private static final Map<String, MailClauses> BY_TEMPLATE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(MailClauses::template, Function.identity()));

    private final String template;
    private final StepClause clause;

    MailClauses(String template, IsoClause clause) {
        this(template, clause, null);
    }

    MailClauses(String template, IsoClause clause, String note) {
        this.template = template;
        this.clause = new StepClause(clause, note);
    }

    String template() {
        return template;
    }

    StepClause clause() {
        return clause;
    }

    static Optional<MailClauses> of(String template) {
        return Optional.ofNullable(BY_TEMPLATE.get(template));
    }
}
