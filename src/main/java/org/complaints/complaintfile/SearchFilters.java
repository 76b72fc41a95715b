package org.complaints.complaintfile;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.complaints.assessment.Classification;
import org.complaints.register.Channels;
import org.complaints.response.ResponseService;

/**
 * The values the search page offers for its filters, the codes the register holds: staff choose from what exists
 * instead of typing a code ({@code complaintfile.filter.<code>} or the reports' {@code report.label.<code>} give
 * the label in the staff member's language).
 */
final class SearchFilters {

    private SearchFilters() {}

    /** Outcomes of a decision, and the closures of a message that was not handled as a complaint. */
    static final List<String> OUTCOMES = Stream.concat(
                    ResponseService.OUTCOMES.stream(),
                    Stream.of(Classification.OUT_OF_SCOPE, Classification.NOT_A_COMPLAINT))
            .toList();

    /** Filter name (the search parameter) to its values, in the order the page shows them. */
    static Map<String, List<String>> values() {
        return Map.of(
                "priority", Classification.PRIORITIES,
                "handlingGroup", Classification.HANDLING_GROUPS,
                "channel", Channels.ALL,
                "category", Classification.CATEGORIES,
                "outcome", OUTCOMES);
    }
}
