package org.complaints.complaintfile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.complaints.apidocs.ApiErrors;
import org.complaints.engine.InvalidInputException;
import org.complaints.security.StaffApi;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Staff record the complainant's answer to the decision, received by phone, letter or in person. */
@RestController
@StaffApi
@Tag(name = "staff")
@SecurityRequirement(name = ApiErrors.STAFF_SECURITY)
@ApiResponse(responseCode = "401", ref = ApiErrors.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = ApiErrors.FORBIDDEN)
class DecisionAnswerController {

    private final DecisionAnswers answers;
    private final ComplaintVisibility visibility;

    DecisionAnswerController(DecisionAnswers answers, ComplaintVisibility visibility) {
        this.answers = answers;
        this.visibility = visibility;
    }

    @Schema(description = "The complainant's answer to the decision, as a member of staff received it")
    record DecisionAnswer(
            @Schema(
                    description = "The complainant's answer",
                    example = "accepted",
                    allowableValues = {"accepted", "rejected"},
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String answer,

            @Schema(
                    description = "How the answer came in",
                    example = "phone",
                    allowableValues = {"phone", "letter", "in-person"},
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String receivedBy,

            @Schema(
                    description = "What the complainant said, at most 2000 characters; kept with the answer"
                            + " as their comment",
                    example = "Called on 3 March; happy with the refund.")
            String note) {}

    @PostMapping("/api/staff/complaints/{reference}/decision-answer")
    @Operation(
            summary = "Record the complainant's answer to the decision on their behalf",
            description = "For handlers of the complaint's group and complaint managers. Moves the process as the"
                    + " complainant's own answer does (accepted: remedy and closure; rejected: internal review);"
                    + " the event log and the audit log name the member of staff and how the answer came in.")
    @ApiResponse(responseCode = "204", description = "Recorded; the process has moved on")
    @ApiResponse(responseCode = "400", ref = ApiErrors.STAFF_INVALID)
    @ApiResponse(responseCode = "404", ref = ApiErrors.STAFF_NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiErrors.STAFF_CONFLICT)
    ResponseEntity<Void> answer(
            @Parameter(description = "The complaint's reference", example = "CMP-2026-000042") @PathVariable
                    String reference,
            @RequestBody(required = false) DecisionAnswer body) {
        Viewer viewer = visibility.viewer();
        if (body == null) {
            throw new InvalidInputException(
                    "Send {\"answer\": \"accepted\"|\"rejected\", \"receivedBy\": \"phone\"|\"letter\"|\"in-person\"}");
        }
        answers.record(viewer, reference, body.answer(), body.receivedBy(), body.note());
        return ResponseEntity.noContent().build();
    }
}
