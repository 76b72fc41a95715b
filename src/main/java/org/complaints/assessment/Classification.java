package org.complaints.assessment;

import java.util.List;

/**
 * The value lists of the initial assessment (ISO 10002 7.5, 8.2 consistent categories). They are the ones the
 * decision table complaint-assessment and the forms use; a value outside them is refused.
 */
public final class Classification {

    public static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");
    public static final List<String> IMPACTS = List.of("individual", "several", "widespread");
    public static final List<String> CATEGORIES =
            List.of("product-quality", "service", "billing", "delivery", "staff-conduct", "data-protection", "other");
    public static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");
    public static final List<String> HANDLING_GROUPS = List.of("complaint-handlers", "complaint-managers");

    public static final String IN_SCOPE = "in-scope";
    public static final String OUT_OF_SCOPE = "out-of-scope";
    public static final String NOT_A_COMPLAINT = "not-a-complaint";
    /** A message is a complaint in scope, a complaint outside the process's scope, or no complaint at all. */
    public static final List<String> SCOPE_DECISIONS = List.of(IN_SCOPE, OUT_OF_SCOPE, NOT_A_COMPLAINT);
    /** What a message that is not a complaint is; it is answered, and counted apart from complaints (8.2). */
    public static final List<String> NOT_COMPLAINT_KINDS = List.of("enquiry", "compliment", "suggestion");

    private Classification() {}
}
