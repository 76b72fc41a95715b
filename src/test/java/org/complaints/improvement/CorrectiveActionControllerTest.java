package org.complaints.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.complaints.improvement.CorrectiveActionController.ActionDetail;
import org.complaints.improvement.CorrectiveActionController.ActionSummary;
import org.complaints.improvement.CorrectiveActionController.HistoryEntry;
import org.complaints.improvement.CorrectiveActionController.LinkedComplaintView;
import org.complaints.improvement.CorrectiveActionController.Opening;
import org.complaints.register.ComplaintStage;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The CAPA register's answers are a contract with their clients: every key at the same level and in the same
 * order as the JSON objects the API has always written, absent values as {@code null}.
 */
class CorrectiveActionControllerTest {

    /** Spring Boot's ObjectMapper without the application context: dates as ISO-8601 text. */
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final Instant OPENED = Instant.parse("2026-03-02T09:15:00Z");
    private static final Instant LINKED = Instant.parse("2026-03-02T09:15:01Z");

    private final ActionSummary summary = new ActionSummary(
            "CAPA-2026-0001",
            ActionTrigger.THRESHOLD,
            "category billing",
            "billing",
            null,
            ActionStatus.ANALYSIS,
            1,
            null,
            null,
            null,
            OPENED,
            null,
            2);

    @Test
    void summaryHasEveryKeyWithNullsForWhatIsAbsent() throws Exception {
        assertThat(json.writeValueAsString(summary)).isEqualTo(json.writeValueAsString(summaryMap()));
    }

    @Test
    void openingHasTheDetailsKeysAtTheTopLevelThenOpened() throws Exception {
        ActionDetail detail = new ActionDetail(
                summary,
                "Three complaints about [confidential complaint]",
                "cm1",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "pi-1",
                List.of(
                        new LinkedComplaintView(
                                null,
                                true,
                                "billing",
                                null,
                                OPENED,
                                ComplaintStage.INVESTIGATION,
                                LINKED,
                                "cm1",
                                ActionTrigger.THRESHOLD),
                        new LinkedComplaintView(
                                "CMP-2026-000002",
                                false,
                                "billing",
                                "Invoices",
                                OPENED,
                                ComplaintStage.RECEIVED,
                                LINKED,
                                "cm1",
                                ActionTrigger.THRESHOLD)),
                List.of(new HistoryEntry(OPENED, "OPENED", "cm1", "Opened", null)));

        Map<String, Object> detailMap = summaryMap();
        detailMap.put("openingReason", "Three complaints about [confidential complaint]");
        detailMap.put("openedBy", "cm1");
        detailMap.put("rootCause", null);
        detailMap.put("rootCauseAnalysis", null);
        detailMap.put("actionPlan", null);
        detailMap.put("implementationNotes", null);
        detailMap.put("implementedAt", null);
        detailMap.put("effectivenessCheckDue", null);
        detailMap.put("effectivenessNotes", null);
        detailMap.put("checkedAt", null);
        detailMap.put("processInstanceId", "pi-1");
        detailMap.put(
                "complaints",
                List.of(
                        linkedMap(null, true, null, ComplaintStage.INVESTIGATION),
                        linkedMap("CMP-2026-000002", false, "Invoices", ComplaintStage.RECEIVED)));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("occurredAt", OPENED);
        event.put("type", "OPENED");
        event.put("actor", "cm1");
        event.put("summary", "Opened");
        event.put("detail", null);
        detailMap.put("history", List.of(event));
        assertThat(json.writeValueAsString(detail)).isEqualTo(json.writeValueAsString(detailMap));

        detailMap.put("opened", true);
        assertThat(json.writeValueAsString(new Opening(detail, true))).isEqualTo(json.writeValueAsString(detailMap));
    }

    private static Map<String, Object> summaryMap() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("reference", "CAPA-2026-0001");
        view.put("trigger", ActionTrigger.THRESHOLD);
        view.put("subject", "category billing");
        view.put("category", "billing");
        view.put("productOrService", null);
        view.put("status", ActionStatus.ANALYSIS);
        view.put("round", 1);
        view.put("owner", null);
        view.put("dueDate", null);
        view.put("effective", null);
        view.put("openedAt", OPENED);
        view.put("closedAt", null);
        view.put("complaintCount", 2);
        return view;
    }

    private static Map<String, Object> linkedMap(
            String reference, boolean confidential, String product, ComplaintStage stage) {
        Map<String, Object> complaint = new LinkedHashMap<>();
        complaint.put("reference", reference);
        complaint.put("confidential", confidential);
        complaint.put("category", "billing");
        complaint.put("productOrService", product);
        complaint.put("receivedAt", OPENED);
        complaint.put("stage", stage);
        complaint.put("linkedAt", LINKED);
        complaint.put("linkedBy", "cm1");
        complaint.put("linkReason", ActionTrigger.THRESHOLD);
        return complaint;
    }
}
