package org.complaints.managementreview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.complaints.security.StaffAccess;
import org.complaints.security.StaffApi;
import org.complaints.security.StaffGroups;
import java.net.URI;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Management reviews and their actions for quality managers, complaint managers and administrators (8.6). */
@RestController
@StaffApi
class ManagementReviewController {

    private final ManagementReviews reviews;
    private final StaffAccess staff;
    private final ObjectMapper json;

    ManagementReviewController(ManagementReviews reviews, StaffAccess staff, ObjectMapper json) {
        this.reviews = reviews;
        this.staff = staff;
        this.json = json;
    }

    @GetMapping("/api/staff/management-reviews")
    List<Map<String, Object>> list() {
        staff.requireAnyGroup(StaffGroups.QUALITY, StaffGroups.MANAGERS, StaffGroups.ADMIN);
        return reviews.list().stream().map(review -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("reference", review.reference());
            row.put("periodFrom", review.periodFrom());
            row.put("periodTo", review.periodTo());
            row.put("preparedAt", review.preparedAt());
            row.put("heldAt", review.heldAt());
            row.put("closedAt", review.closedAt());
            return row;
        }).toList();
    }

    /** A review outside the schedule: {"from": "YYYY-MM-DD", "to": "YYYY-MM-DD"} (both, or neither). */
    @PostMapping("/api/staff/management-reviews")
    ResponseEntity<Map<String, Object>> request(@RequestBody(required = false) Map<String, String> body) {
        String user = staff.requireAnyGroup(StaffGroups.QUALITY, StaffGroups.ADMIN);
        Map<String, String> period = body == null ? Map.of() : body;
        ProcessInstance instance = reviews.request(blankToNull(period.get("from")), blankToNull(period.get("to")), user);
        String reference = instance.getBusinessKey();
        return ResponseEntity.created(URI.create("/api/staff/management-reviews/" + reference))
                .body(Map.of("reference", reference, "page", "/staff/management-reviews/" + reference));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @GetMapping("/api/staff/management-reviews/{reference}")
    Map<String, Object> get(@PathVariable String reference) throws JsonProcessingException {
        staff.requireAnyGroup(StaffGroups.QUALITY, StaffGroups.MANAGERS, StaffGroups.ADMIN);
        ManagementReview review = reviews.getByReference(reference);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", review.reference());
        body.put("periodFrom", review.periodFrom());
        body.put("periodTo", review.periodTo());
        body.put("preparedAt", review.preparedAt());
        body.put("heldAt", review.heldAt());
        body.put("heldBy", review.heldBy());
        body.put("attendees", review.attendees());
        body.put("conclusions", review.conclusions());
        body.put("decisions", review.decisions());
        body.put("closedAt", review.closedAt());
        body.put("actions", reviews.actions(review.id()));
        JsonNode input = json.readTree(review.inputJson());
        body.put("input", input);
        return body;
    }
}
