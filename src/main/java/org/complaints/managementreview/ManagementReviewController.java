package org.complaints.managementreview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.complaints.apidocs.ApiErrors;
import org.complaints.security.StaffAccess;
import org.complaints.security.StaffApi;
import org.complaints.security.StaffGroups;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Management reviews and their actions for quality managers, complaint managers and administrators (8.6). */
@RestController
@StaffApi
@Tag(name = "staff")
@SecurityRequirement(name = ApiErrors.STAFF_SECURITY)
@ApiResponse(responseCode = "401", ref = ApiErrors.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = ApiErrors.FORBIDDEN)
class ManagementReviewController {

    private final ManagementReviews reviews;
    private final StaffAccess staff;
    private final ObjectMapper json;

    /** A review in the list; absent dates are written as {@code null}. */
    record ReviewRow(
            @Schema(description = "The management review's reference", example = "MR-2026-01")
            String reference,

            @Schema(description = "First day of the period reviewed", example = "2026-01-01")
            LocalDate periodFrom,

            @Schema(description = "Last day of the period reviewed", example = "2026-03-31")
            LocalDate periodTo,

            @Schema(description = "When its input was prepared", example = "2026-04-01T06:00:00Z")
            Instant preparedAt,

            @Schema(description = "When the review was held")
            Instant heldAt,

            @Schema(description = "When it was closed") Instant closedAt) {}

    /** A requested review: its reference and the staff page that shows it. */
    record Requested(
            @Schema(description = "The reference of the review requested", example = "MR-2026-02")
            String reference,

            @Schema(description = "The page showing it", example = "/staff/management-reviews/MR-2026-02")
            String page) {}

    /**
     * A review with its outcome, its actions and the input it was prepared from, the input as the JSON document
     * stored when it was prepared. Absent values are written as {@code null}.
     */
    record ReviewDetail(
            @Schema(description = "The management review's reference", example = "MR-2026-01")
            String reference,

            @Schema(description = "First day of the period reviewed", example = "2026-01-01")
            LocalDate periodFrom,

            @Schema(description = "Last day of the period reviewed", example = "2026-03-31")
            LocalDate periodTo,

            @Schema(description = "When its input was prepared", example = "2026-04-01T06:00:00Z")
            Instant preparedAt,

            @Schema(description = "When the review was held", example = "2026-04-10T09:00:00Z")
            Instant heldAt,

            @Schema(description = "Who recorded it", example = "quality")
            String heldBy,

            @Schema(description = "Who took part", example = "Quality manager, complaint manager, director")
            String attendees,

            @Schema(
                    description = "What the review concluded",
                    example = "Delivery complaints doubled; depot process to change.")
            String conclusions,

            @Schema(description = "What was decided", example = "Open a corrective action on parcel delivery.")
            String decisions,

            @Schema(description = "When it was closed") Instant closedAt,

            @Schema(description = "The actions decided, with their owners and due dates")
            List<ReviewAction> actions,

            @Schema(description = "The input as prepared: the period's figures (ISO 10002 8.7)")
            JsonNode input) {}

    ManagementReviewController(ManagementReviews reviews, StaffAccess staff, ObjectMapper json) {
        this.reviews = reviews;
        this.staff = staff;
        this.json = json;
    }

    @GetMapping("/api/staff/management-reviews")
    @Operation(summary = "Management reviews")
    @ApiResponse(responseCode = "200", description = "The reviews")
    List<ReviewRow> list() {
        staff.requireAnyGroup(StaffGroups.QUALITY, StaffGroups.MANAGERS, StaffGroups.ADMIN);
        return reviews.list().stream()
                .map(review -> new ReviewRow(
                        review.reference(),
                        review.periodFrom(),
                        review.periodTo(),
                        review.preparedAt(),
                        review.heldAt(),
                        review.closedAt()))
                .toList();
    }

    /** A review outside the schedule: {"from": "YYYY-MM-DD", "to": "YYYY-MM-DD"} (both, or neither). */
    @PostMapping("/api/staff/management-reviews")
    @Operation(
            summary = "Request a management review",
            description = "Body {\"from\": \"2026-01-01\", \"to\": \"2026-06-30\"}.")
    @ApiResponse(responseCode = "201", description = "Requested; Location is its address")
    @ApiResponse(responseCode = "400", ref = ApiErrors.STAFF_INVALID)
    ResponseEntity<Requested> request(@RequestBody(required = false) Map<String, String> body) {
        String user = staff.requireAnyGroup(StaffGroups.QUALITY, StaffGroups.ADMIN);
        Map<String, String> period = body == null ? Map.of() : body;
        ProcessInstance instance =
                reviews.request(blankToNull(period.get("from")), blankToNull(period.get("to")), user);
        String reference = instance.getBusinessKey();
        return ResponseEntity.created(URI.create("/api/staff/management-reviews/" + reference))
                .body(new Requested(reference, "/staff/management-reviews/" + reference));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @GetMapping("/api/staff/management-reviews/{reference}")
    @Operation(summary = "One management review")
    @ApiResponse(responseCode = "200", description = "The review")
    @ApiResponse(responseCode = "404", ref = ApiErrors.STAFF_NOT_FOUND)
    ReviewDetail get(@Parameter(description = "The management review's reference") @PathVariable String reference)
            throws JsonProcessingException {
        staff.requireAnyGroup(StaffGroups.QUALITY, StaffGroups.MANAGERS, StaffGroups.ADMIN);
        ManagementReview review = reviews.getByReference(reference);
        return new ReviewDetail(
                review.reference(),
                review.periodFrom(),
                review.periodTo(),
                review.preparedAt(),
                review.heldAt(),
                review.heldBy(),
                review.attendees(),
                review.conclusions(),
                review.decisions(),
                review.closedAt(),
                reviews.actions(review.id()),
                json.readTree(review.inputJson()));
    }
}
