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

    private Classification() {}
}
