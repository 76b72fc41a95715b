package org.complaints.complaintfile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.complaints.apidocs.ApiErrors;
import org.complaints.engine.InvalidInputException;
import org.complaints.reopening.Reopenings;
import org.complaints.security.StaffApi;
import org.complaints.survey.SurveyAnswers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every action on a complaint file on the staff API (/api/staff/complaints/{reference}/...): each route finds the
 * signed-in member of staff and calls its section of {@link FileActions}, which finds, authorises, checks and
 * records the action; refusals become problem details ({@code urn:complaints:problem:*}) in
 * {@code security/StaffApiProblems}. Notes and messages take an {@code Idempotency-Key} ({@link FileActionKeys}).
 */
@RestController
@StaffApi
@Tag(name = "staff")
@SecurityRequirement(name = ApiErrors.STAFF_SECURITY)
@ApiResponse(responseCode = "401", ref = ApiErrors.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = ApiErrors.FORBIDDEN)
@ApiResponse(responseCode = "404", ref = ApiErrors.STAFF_NOT_FOUND)
@ApiResponse(responseCode = "400", ref = ApiErrors.STAFF_INVALID)
@ApiResponse(responseCode = "409", ref = ApiErrors.STAFF_CONFLICT)
class FileActionsController {

    private static final String KEY_DESCRIPTION = "Makes a repeated request the same one (up to 64 letters, digits"
            + " or . _ : -): answered as the first time, nothing changes again";

    private final FileActions actions;
    private final FileActionKeys keys;
    private final ComplaintVisibility visibility;

    FileActionsController(FileActions actions, FileActionKeys keys, ComplaintVisibility visibility) {
        this.actions = actions;
        this.keys = keys;
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
                    + " sees the complaint's contact details; quality managers read only. With an Idempotency-Key a"
                    + " repeated request adds nothing and answers the note added first.")
    @ApiResponse(responseCode = "201", description = "The note")
    @ApiResponse(responseCode = "200", description = "The note added before with the same Idempotency-Key")
    ResponseEntity<ComplaintFile.Note> note(
            @Parameter(description = "The complaint's reference", example = "CMP-2026-000042") @PathVariable
                    String reference,
            @Parameter(description = KEY_DESCRIPTION, example = "3f1c9a52-7d2e-4f4b-9a61-0c8e5d2b7a10")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    String idempotencyKey,
            @RequestBody FileActions.NoteRequest request) {
        Viewer viewer = visibility.viewer();
        FileActionKeys.Outcome added = keys.once(
                viewer.user(),
                idempotencyKey,
                "note",
                ComplaintFiles.normalise(reference),
                () -> actions.addNote(viewer, reference, request).at().toString());
        ComplaintFile.Note note =
                new ComplaintFile.Note(Instant.parse(added.value()), viewer.user(), FileActions.noteText(request));
        return ResponseEntity.status(added.again() ? 200 : 201).body(note);
    }

    @PatchMapping("/api/staff/complaints/{reference}/contact")
    @Operation(
            summary = "Correct the complainant's contact data",
            description = "Name, e-mail, phone, preferred language, postal address, preferred way of contact,"
                    + " accessibility needs and note, and the representative (replaced or removed), with a required"
                    + " reason; fields left out stay, a blank one is removed. Checked as at intake: at least one way"
                    + " to reach the complainant, a preferred way that reaches them, a representative with a way to"
                    + " reach them and consent. E-mails waiting to be sent go to the corrected address, waiting"
                    + " letters are laid out again, calls not yet made name the corrected number; the replaced"
                    + " values are kept in the audit log only.")
    @ApiResponse(responseCode = "200", description = "The fields that changed (none for a repeated correction)")
    FileActions.ContactCorrected contact(
            @Parameter(description = "The complaint's reference", example = "CMP-2026-000042") @PathVariable
                    String reference,
            @RequestBody FileActions.ContactCorrection correction) {
        return actions.correctContact(visibility.viewer(), reference, correction);
    }

    record ReopeningRequest(
            @Schema(
                    description = "Why the complaint is reopened (10 to 2000 characters); kept in its history",
                    example = "Closed by mistake: the complainant's reply of 3 December was not yet read.")
            String reason) {}

    @PostMapping("/api/staff/complaints/{reference}/reopening")
    @Operation(
            summary = "Reopen a closed complaint (complaint managers)",
            description = "A closed, withdrawn, out-of-scope or not-a-complaint complaint comes back to the"
                    + " assessment with its reference and history, in a new process instance; the response date"
                    + " counts again from today; the complainant is told.")
    @ApiResponse(responseCode = "200", description = "Reopened: the new process instance and committed date")
    Reopenings.Reopened reopen(
            @Parameter(description = "The complaint's reference", example = "CMP-2026-000042") @PathVariable
                    String reference,
            @RequestBody ReopeningRequest request) {
        return actions.reopen(visibility.viewer(), reference, request.reason());
    }

    record DuplicateRequest(
            @Schema(description = "The reference of the complaint this one repeats", example = "CMP-2026-000042")
            String reference) {}

    @PostMapping("/api/staff/complaints/{reference}/duplicate-of")
    @Operation(
            summary = "Link a complaint as a duplicate of another one of the same complainant",
            description = "The duplicate closes with the reason DUPLICATE; its information and attachments show on"
                    + " the other complaint's file; the complainant is told which reference to follow.")
    @ApiResponse(responseCode = "200", description = "Linked and closed")
    FileActions.Linked duplicateOf(
            @Parameter(description = "The duplicate's reference", example = "CMP-2026-000043") @PathVariable
                    String reference,
            @RequestBody DuplicateRequest request) {
        return actions.linkDuplicate(visibility.viewer(), reference, request.reference());
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
    ResponseEntity<Void> answer(
            @Parameter(description = "The complaint's reference", example = "CMP-2026-000042") @PathVariable
                    String reference,
            @RequestBody(required = false) DecisionAnswer body) {
        Viewer viewer = visibility.viewer();
        if (body == null) {
            throw new InvalidInputException(
                    "Send {\"answer\": \"accepted\"|\"rejected\", \"receivedBy\": \"phone\"|\"letter\"|\"in-person\"}");
        }
        actions.answerDecision(viewer, reference, body.answer(), body.receivedBy(), body.note());
        return ResponseEntity.noContent().build();
    }

    @Schema(description = "Survey answers that came back on paper or were given on the phone")
    record SurveyAnswersReceived(
            @Schema(
                    description = "Satisfaction with how the complaint was handled, 1 to 5",
                    example = "4",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            Integer handlingScore,

            @Schema(
                    description = "Satisfaction with the outcome, 1 to 5",
                    example = "3",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            Integer outcomeScore,

            @Schema(
                    description = "How easy it was to complain, 1 to 5",
                    example = "5",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            Integer easeScore,

            @Schema(description = "The complainant's comment as written, at most 2000 characters", example = "Quick.")
            String comment,

            @Schema(
                    description = "How the answers came in",
                    example = "letter",
                    allowableValues = {"letter", "phone"},
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String receivedBy) {}

    @PostMapping("/api/staff/complaints/{reference}/survey-answers")
    @Operation(
            summary = "Record the survey answers received on paper or by phone",
            description = "The invitation by post carries the survey's questions; the answers that come back are"
                    + " recorded here with the same checks as the survey page, with the member of staff and how"
                    + " they came in, and count in the satisfaction results like any answer. 409 when no invitation"
                    + " was sent or the survey was answered already. Everyone who reaches complainants; quality"
                    + " managers read only.")
    @ApiResponse(responseCode = "204", description = "Recorded")
    ResponseEntity<Void> surveyAnswers(
            @Parameter(description = "The complaint's reference", example = "CMP-2026-000042") @PathVariable
                    String reference,
            @RequestBody(required = false) SurveyAnswersReceived body) {
        Viewer viewer = visibility.viewer();
        SurveyAnswersReceived received = body == null ? new SurveyAnswersReceived(null, null, null, null, null) : body;
        actions.recordSurveyAnswers(
                viewer,
                reference,
                new SurveyAnswers.Answer(
                        received.handlingScore(), received.outcomeScore(), received.easeScore(), received.comment()),
                received.receivedBy());
        return ResponseEntity.noContent().build();
    }
}
