package org.complaints.complaintfile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.complaints.apidocs.ApiErrors;
import org.complaints.security.StaffApi;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The actions on a complaint file (/api/staff/complaints/{reference}/...): messages, notes, contact data. */
@RestController
@StaffApi
@Tag(name = "staff")
@SecurityRequirement(name = ApiErrors.STAFF_SECURITY)
@ApiResponse(responseCode = "401", ref = ApiErrors.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = ApiErrors.FORBIDDEN)
@ApiResponse(responseCode = "404", ref = ApiErrors.STAFF_NOT_FOUND)
@ApiResponse(responseCode = "400", ref = ApiErrors.STAFF_INVALID)
class FileActionsController {

    private final FileActions actions;
    private final ComplaintVisibility visibility;

    FileActionsController(FileActions actions, ComplaintVisibility visibility) {
        this.actions = actions;
        this.visibility = visibility;
    }

    @PostMapping("/api/staff/complaints/{reference}/messages")
    @Operation(
            summary = "Write to the complainant",
            description = "A free-text message in an e-mail frame of the complainant's language, sent once through"
                    + " the outbox and recorded in the timeline with its sender. Handlers who see the complaint and"
                    + " complaint managers; a reply by e-mail or on the status page lands on the same complaint.")
    @ApiResponse(responseCode = "201", description = "Queued to be sent")
    @ApiResponse(
            responseCode = "200",
            description = "The same message (same Idempotency-Key) was queued before; nothing new is sent")
    @ApiResponse(responseCode = "409", ref = ApiErrors.STAFF_CONFLICT)
    ResponseEntity<FileActions.MessageQueued> message(
            @Parameter(description = "The complaint's reference", example = "CMP-2026-000042") @PathVariable
                    String reference,
            @Parameter(
                            description = "Makes a repeated request the same message (up to 64 letters, digits or"
                                    + " . _ : -); without it, the same sender, subject and text are sent once",
                            example = "3f1c9a52-7d2e-4f4b-9a61-0c8e5d2b7a10")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    String idempotencyKey,
            @RequestBody FileActions.MessageRequest request) {
        FileActions.MessageQueued queued =
                actions.writeToComplainant(visibility.viewer(), reference, request, idempotencyKey);
        return ResponseEntity.status(queued.queuedNow() ? 201 : 200).body(queued);
    }

    @PostMapping("/api/staff/complaints/{reference}/notes")
    @Operation(
            summary = "Add an internal note",
            description = "Staff only: shown in the file and its timeline, never to the complainant. Everyone who"
                    + " sees the complaint's contact details; quality managers read only.")
    @ApiResponse(responseCode = "201", description = "The note")
    @ApiResponse(responseCode = "409", ref = ApiErrors.STAFF_CONFLICT)
    ResponseEntity<ComplaintFile.Note> note(
            @Parameter(description = "The complaint's reference", example = "CMP-2026-000042") @PathVariable
                    String reference,
            @RequestBody FileActions.NoteRequest request) {
        return ResponseEntity.status(201).body(actions.addNote(visibility.viewer(), reference, request));
    }

    @PatchMapping("/api/staff/complaints/{reference}/contact")
    @Operation(
            summary = "Correct the complainant's contact data",
            description = "Name, e-mail, phone (blank removes it), preferred language, with a required reason;"
                    + " fields left out stay. Checked like the public form. E-mails waiting to be sent go to the"
                    + " corrected address; the replaced values are kept in the audit log only.")
    @ApiResponse(responseCode = "200", description = "The fields that changed (none for a repeated correction)")
    @ApiResponse(responseCode = "409", ref = ApiErrors.STAFF_CONFLICT)
    FileActions.ContactCorrected contact(
            @Parameter(description = "The complaint's reference", example = "CMP-2026-000042") @PathVariable
                    String reference,
            @RequestBody FileActions.ContactCorrection correction) {
        return actions.correctContact(visibility.viewer(), reference, correction);
    }
}
