package org.complaints.managementreview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.complaints.managementreview.ManagementReviewController.Requested;
import org.complaints.managementreview.ManagementReviewController.ReviewDetail;
import org.complaints.managementreview.ManagementReviewController.ReviewRow;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The management review answers are a contract with their clients: the same keys in the same order as the JSON
 * objects the API has always written, absent values as {@code null}, the stored input as a JSON object.
 */
class ManagementReviewControllerTest {

    /** Spring Boot's ObjectMapper without the application context: dates as ISO-8601 text. */
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final LocalDate FROM = LocalDate.parse("2026-01-01");
    private static final LocalDate TO = LocalDate.parse("2026-03-31");
    private static final Instant PREPARED = Instant.parse("2026-04-01T06:00:00Z");

    @Test
    void listRowHasEveryKeyWithNullsForWhatIsAbsent() throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("reference", "MR-2026-Q1");
        row.put("periodFrom", FROM);
        row.put("periodTo", TO);
        row.put("preparedAt", PREPARED);
        row.put("heldAt", null);
        row.put("closedAt", null);
        assertThat(json.writeValueAsString(new ReviewRow("MR-2026-Q1", FROM, TO, PREPARED, null, null)))
                .isEqualTo(json.writeValueAsString(row));
    }

    @Test
    void requestedNamesReferenceAndPage() throws Exception {
        String page = "/staff/management-reviews/MR-2026-X1";
        assertThat(json.readTree(json.writeValueAsString(new Requested("MR-2026-X1", page))))
                .isEqualTo(json.readTree(json.writeValueAsString(Map.of("reference", "MR-2026-X1", "page", page))));
    }

    @Test
    void detailEmbedsActionsAndTheStoredInput() throws Exception {
        JsonNode input = json.readTree("{\"received\": 12, \"byCategory\": {\"billing\": 7}}");
        List<ReviewAction> actions = List.of(new ReviewAction(
                4,
                9,
                "Rewrite the invoice letter",
                "qm1",
                LocalDate.parse("2026-05-01"),
                ReviewAction.OPEN,
                null,
                null,
                null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", "MR-2026-Q1");
        body.put("periodFrom", FROM);
        body.put("periodTo", TO);
        body.put("preparedAt", PREPARED);
        body.put("heldAt", null);
        body.put("heldBy", null);
        body.put("attendees", null);
        body.put("conclusions", null);
        body.put("decisions", null);
        body.put("closedAt", null);
        body.put("actions", actions);
        body.put("input", input);
        assertThat(json.writeValueAsString(new ReviewDetail(
                        "MR-2026-Q1", FROM, TO, PREPARED, null, null, null, null, null, null, actions, input)))
                .isEqualTo(json.writeValueAsString(body));
    }
}
