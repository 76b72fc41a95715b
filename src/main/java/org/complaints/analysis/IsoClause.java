package org.complaints.analysis;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The clauses of ISO 10002:2018 a step of a complaint's record can evidence, with the short titles the evidence
 * record shows. Declared in the standard's order, so a tally by clause reads in that order.
 */
enum IsoClause {
    COMMITMENT("4.2", "Commitment"),
    CAPABILITY("4.3", "Capability"),
    TRANSPARENCY("4.4", "Transparency"),
    ACCESSIBILITY("4.5", "Accessibility"),
    RESPONSIVENESS("4.6", "Responsiveness"),
    OBJECTIVITY("4.7", "Objectivity"),
    CHARGES("4.8", "Charges"),
    INFORMATION_INTEGRITY("4.9", "Information integrity"),
    CONFIDENTIALITY("4.10", "Confidentiality"),
    CUSTOMER_FOCUS("4.11", "Customer-focused approach"),
    ACCOUNTABILITY("4.12", "Accountability"),
    IMPROVEMENT("4.13", "Improvement"),
    COMPETENCE("4.14", "Competence"),
    TIMELINESS("4.15", "Timeliness"),
    OBJECTIVES("6.2", "Objectives"),
    COMMUNICATION("7.1", "Communication"),
    RECEIPT("7.2", "Receipt"),
    TRACKING("7.3", "Tracking"),
    ACKNOWLEDGEMENT("7.4", "Acknowledgement"),
    INITIAL_ASSESSMENT("7.5", "Initial assessment"),
    INVESTIGATION("7.6", "Investigation"),
    RESPONSE("7.7", "Response"),
    COMMUNICATING_THE_DECISION("7.8", "Communicating the decision"),
    CLOSING("7.9", "Closing"),
    COLLECTION_OF_INFORMATION("8.1", "Collection of information"),
    ANALYSIS("8.2", "Analysis and evaluation"),
    SATISFACTION("8.3", "Satisfaction"),
    MONITORING("8.4", "Monitoring"),
    AUDITING("8.5", "Auditing"),
    MANAGEMENT_REVIEW("8.6", "Management review"),
    CONTINUAL_IMPROVEMENT("8.7", "Continual improvement");

    private static final Map<String, IsoClause> BY_NUMBER =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(IsoClause::number, Function.identity()));

    private final String number;
    private final String title;

    IsoClause(String number, String title) {
        this.number = number;
        this.title = title;
    }

    String number() {
        return number;
    }

    String title() {
        return title;
    }

    /** "7.5 Initial assessment". */
    String label() {
        return number + " " + title;
    }

    static Optional<IsoClause> byNumber(String number) {
        return Optional.ofNullable(BY_NUMBER.get(number));
    }
}
