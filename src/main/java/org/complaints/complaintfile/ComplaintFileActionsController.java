package org.complaints.complaintfile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.complaints.apidocs.ApiErrors;
import org.complaints.reopening.Reopenings;
import org.complaints.security.StaffApi;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Reopening and linking as duplicate on the staff API (/api/staff/complaints/{reference}/...). */
@RestController
@StaffApi
@Tag(name = "staff")
@SecurityRequirement(name = ApiErrors.STAFF_SECURITY)
@ApiResponse(responseCode = "401", ref = ApiErrors.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = ApiErrors.FORBIDDEN)
class ComplaintFileActionsController {

    private final ComplaintFileActions actions;
    private final ComplaintVisibility visibility;

    ComplaintFileActionsController(ComplaintFileActions actions, ComplaintVisibility visibility) {
        this.actions = actions;
        this.visibility = visibility;
    }

    record ReopeningRequest(
            @Schema(
                    description = "Why the complaint is reopened (10 to 2000 characters); kept in its history",
                    example = "Closed by mistake: the complainant's reply of 3 December was not yet read.")
            String reason) {}

    record DuplicateRequest(
            @Schema(description = "The reference of the complaint this one repeats", example = "CMP-2026-000042")
            String reference) {}

    @PostMapping("/api/staff/complaints/{reference}/reopening")
    @Operation(
            summary = "Reopen a closed complaint (complaint managers)",
            description = "A closed, withdrawn, out-of-scope or not-a-complaint complaint comes back to the"
                    + " assessment with its reference and history, in a new process instance; the response date"
                    + " counts again from today; the complainant is told.")
    @ApiResponse(responseCode = "200", description = "Reopened: the new process instance and committed date")
    @ApiResponse(responseCode = "400", ref = ApiErrors.STAFF_INVALID)
    @ApiResponse(responseCode = "404", ref = ApiErrors.STAFF_NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiErrors.STAFF_CONFLICT)
    Reopenings.Reopened reopen(
            @Parameter(description = "The complaint's reference", example = "CMP-2026-000042") @PathVariable
                    String reference,
            @RequestBody ReopeningRequest request) {
        return actions.reopen(visibility.viewer(), reference, request.reason());
    }

    @PostMapping("/api/staff/complaints/{reference}/duplicate-of")
    @Operation(
            summary = "Link a complaint as a duplicate of another one of the same complainant",
            description = "The duplicate closes with the reason DUPLICATE; its information and attachments show on"
                    + " the other complaint's file; the complainant is told which reference to follow.")
    @ApiResponse(responseCode = "200", description = "Linked and closed")
    @ApiResponse(responseCode = "400", ref = ApiErrors.STAFF_INVALID)
    @ApiResponse(responseCode = "404", ref = ApiErrors.STAFF_NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiErrors.STAFF_CONFLICT)
    ComplaintFileActions.Linked duplicateOf(
            @Parameter(description = "The duplicate's reference", example = "CMP-2026-000043") @PathVariable
                    String reference,
            @RequestBody DuplicateRequest request) {
        return actions.linkDuplicate(visibility.viewer(), reference, request.reference());
    }
}
