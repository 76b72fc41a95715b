package org.complaints.analysis;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type the application appends to a complaint's event log ({@code EventLog.append}), keyed by its
 * type string, with the ISO 10002:2018 clause it evidences. Three types take their clause from what they record:
 * a completed task from the task's documentation in the diagram ({@link TaskClauses}), an e-mail from its template
 * ({@link MailClauses}). A new event type needs an entry here; {@code IsoClausesTest} fails until it has one.
 */
enum EventClauses {
    RECEIVED(IsoClause.RECEIPT),
    ATTACHMENTS_REFUSED(IsoClause.RECEIPT),
    ACKNOWLEDGED(IsoClause.ACKNOWLEDGEMENT),
    RULE_ASSESSMENT(IsoClause.INITIAL_ASSESSMENT),
    ASSESSED(IsoClause.INITIAL_ASSESSMENT),
    SCOPE_REVIEWED(IsoClause.INITIAL_ASSESSMENT, "reaction to scope decision"),
    STAGE(IsoClause.TRACKING),
    DEADLINE_REVISED(IsoClause.TRACKING),
    REMINDER_NOT_SENT(IsoClause.TRACKING),
    TASK_OVERDUE(IsoClause.TRACKING, "escalation"),
    INFORMATION_ADDED(IsoClause.TRACKING),
    ATTACHMENT_ADDED(IsoClause.TRACKING),
    RELATED_FOUND(IsoClause.INVESTIGATION),
    INVESTIGATED(IsoClause.INVESTIGATION),
    PROPOSED(IsoClause.RESPONSE),
    APPROVED(IsoClause.RESPONSE, "four eyes"),
    RETURNED(IsoClause.RESPONSE, "four eyes"),
    DECIDED(IsoClause.RESPONSE),
    DECISION_COMMUNICATED(IsoClause.COMMUNICATING_THE_DECISION),
    DECISION_ACCEPTED(IsoClause.COMMUNICATING_THE_DECISION),
    DECISION_REJECTED(IsoClause.COMMUNICATING_THE_DECISION),
    REVIEW_DECIDED(IsoClause.CLOSING, "internal review"),
    REVIEW_PROPOSED(IsoClause.CLOSING, "internal review"),
    REVIEWER_EXCLUDED(IsoClause.OBJECTIVITY, "independent internal review"),
    NO_INDEPENDENT_REVIEWER(IsoClause.OBJECTIVITY, "independent internal review"),
    EXTERNAL_REFERRAL_ANSWERED(IsoClause.CLOSING, "external recourse"),
    EXTERNAL_REFERRAL(IsoClause.CLOSING, "external recourse"),
    WITHDRAWN(IsoClause.CLOSING),
    CLOSED(IsoClause.CLOSING),
    MESSAGE_AFTER_CLOSURE(IsoClause.CLOSING),
    REOPENED(IsoClause.TRACKING, "reopening"),
    MARKED_DUPLICATE(IsoClause.CLOSING, "duplicate"),
    DUPLICATE_LINKED(IsoClause.TRACKING, "duplicate"),
    ACCESS_CHANGED(IsoClause.CONFIDENTIALITY),
    ANONYMISED(IsoClause.CONFIDENTIALITY),
    LEGAL_HOLD(IsoClause.CONFIDENTIALITY),
    LEGAL_HOLD_RELEASED(IsoClause.CONFIDENTIALITY),
    SURVEY_SENT(IsoClause.SATISFACTION),
    SURVEY_ANSWERED(IsoClause.SATISFACTION),
    SURVEY_NOT_DELIVERED(IsoClause.SATISFACTION),
    CORRECTIVE_ACTION_OPENED(IsoClause.CONTINUAL_IMPROVEMENT),
    CORRECTIVE_ACTION_LINKED(IsoClause.CONTINUAL_IMPROVEMENT),
    CORRECTIVE_ACTION_CLOSED(IsoClause.CONTINUAL_IMPROVEMENT),
    CORRECTIVE_ACTION_CANCELLED(IsoClause.CONTINUAL_IMPROVEMENT),
    RECURRENCE_CHECK_FAILED(IsoClause.CONTINUAL_IMPROVEMENT),
    MESSAGE_TO_COMPLAINANT(IsoClause.TRACKING, "message from staff"),
    NOTE_ADDED(IsoClause.TRACKING, "internal note"),
    CONTACT_CORRECTED(IsoClause.INFORMATION_INTEGRITY, "contact data corrected"),
    /** The clause of the task, read from its documentation in the diagram version that ran it. */
    TASK_COMPLETED(Source.TASK),
    /** The clause of the e-mail's template. */
    MAIL_SENT(Source.MAIL_TEMPLATE),
    /** The clause of the e-mail's template: the attempt evidences the same step as the e-mail would have. */
    MAIL_NOT_DELIVERED(Source.MAIL_TEMPLATE),
    /** The clause of the letter's template: the same step as the e-mail it stands for. */
    LETTER_QUEUED(Source.MAIL_TEMPLATE),
    /** The clause of the letter's template: posting is its delivery, as sending is an e-mail's. */
    LETTER_POSTED(Source.MAIL_TEMPLATE),
    /** The clause of the message's template: a call stands for the e-mail. */
    CALL_QUEUED(Source.MAIL_TEMPLATE),
    /** The clause of the message's template: reaching the complainant is its delivery. */
    CALL_REACHED(Source.MAIL_TEMPLATE),
    /** The clause of the message's template: the attempt evidences the same step. */
    CALL_NOT_REACHED(Source.MAIL_TEMPLATE);

    /** Where an event type's clause comes from. */
    enum Source {
        EVENT_TYPE,
        TASK,
        MAIL_TEMPLATE
    }

    private static final Map<String, EventClauses> BY_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));

    private final Source source;
    private final StepClause clause;

    EventClauses(IsoClause clause) {
        this(clause, null);
    }

    EventClauses(IsoClause clause, String note) {
        this.source = Source.EVENT_TYPE;
        this.clause = new StepClause(clause, note);
    }

    EventClauses(Source source) {
        this.source = source;
        this.clause = null;
    }

    Source source() {
        return source;
    }

    /** The clause of an event of this type; empty when {@link #source()} is not {@code EVENT_TYPE}. */
    Optional<StepClause> clause() {
        return Optional.ofNullable(clause);
    }

    static Optional<EventClauses> of(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
