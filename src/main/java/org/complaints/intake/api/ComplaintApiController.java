package org.complaints.intake.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.complaints.apidocs.ApiErrors;
import org.complaints.engine.InvalidInputException;
import org.complaints.engine.InvalidInputException.Problem;
import org.complaints.intake.AttachmentPolicy;
import org.complaints.intake.ComplainantMessages;
import org.complaints.intake.ComplaintRequest;
import org.complaints.intake.PendingMessageDelivery.Delivery;
import org.complaints.intake.PublicSubmissions;
import org.complaints.intake.SubmissionRateLimiter;
import org.complaints.intake.Uploads;
import org.complaints.mail.PublicLinks;
import org.complaints.register.Channels;
import org.complaints.register.Complaint;
import org.complaints.tracking.ComplaintStatus;
import org.complaints.tracking.ComplaintStatusService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The complainant's JSON API (ISO 10002 4.4, 4.5, 7.3): file a complaint, follow it with the tracking token,
 * answer the decision, add information, withdraw. The same operations as the public pages.
 */
@RestController
@RequestMapping("/api/complaints")
@Tag(name = "complainants")
class ComplaintApiController {

    private final PublicSubmissions submissions;
    private final SubmissionRateLimiter rateLimiter;
    private final ComplaintStatusService statuses;
    private final ComplainantMessages messages;
    private final PublicLinks links;

    ComplaintApiController(
            PublicSubmissions submissions,
            SubmissionRateLimiter rateLimiter,
            ComplaintStatusService statuses,
            ComplainantMessages messages,
            PublicLinks links) {
        this.submissions = submissions;
        this.rateLimiter = rateLimiter;
        this.statuses = statuses;
        this.messages = messages;
        this.links = links;
    }

    @Schema(description = "The complaint as registered: keep the tracking token, it opens the status page")
    record Filed(
            @Schema(description = "The new complaint's reference", example = "CMP-2026-000042")
            String reference,

            @Schema(
                    description = "Secret: with the reference it opens the complaint",
                    example = "q3Jx9T0bWm5Zr1uYc8VfLd2e")
            String trackingToken,

            @Schema(
                    description = "The status page, with the token: the link in the acknowledgement",
                    example =
                            "https://complaints.example.org/complaints/CMP-2026-000042?token=q3Jx9T0bWm5Zr1uYc8VfLd2e")
            String statusUrl) {}

    /** The multipart form: the complaint's fields as form fields, and the files. */
    @Schema(name = "ComplaintWithAttachments", allOf = ComplaintRequest.class)
    record Multipart(
            @ArraySchema(
                    schema = @Schema(type = "string", format = "binary"),
                    arraySchema =
                            @Schema(
                                    description = "PDF, JPEG, PNG or plain text; at most 5 files, 10 MB in all;"
                                            + " the type is checked by content"))
            List<MultipartFile> attachments) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "File a complaint",
            description = "JSON, or multipart/form-data with the same fields and files in attachments. Recorded with "
                    + "channel api. A retry with the same Idempotency-Key answers the first complaint "
                    + "(Idempotent-Replayed: true).")
    @ApiResponse(
            responseCode = "201",
            description = "Registered; Location is its address",
            headers = {
                @Header(name = "Location", description = "/api/complaints/{reference}"),
                @Header(name = "Idempotent-Replayed", description = "true when an earlier request made it")
            })
    @ApiResponse(
            responseCode = "202",
            description = "Taken without a body: the request looked automated (bot filter)",
            content = @Content)
    @ApiResponse(responseCode = "400", ref = ApiErrors.INVALID)
    @ApiResponse(responseCode = "413", ref = ApiErrors.TOO_LARGE)
    @ApiResponse(responseCode = "422", ref = ApiErrors.KEY_REUSED)
    @ApiResponse(responseCode = "429", ref = ApiErrors.TOO_MANY)
    ResponseEntity<Filed> file(
            @RequestBody ComplaintRequest request,
            @Parameter(description = "1 to 200 printable ASCII characters; a retry sends the same key")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    String idempotencyKey,
            HttpServletRequest http) {
        return file(request, List.of(), idempotencyKey, http);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "File a complaint",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                                            schema = @Schema(implementation = Multipart.class))))
    @ApiResponse(responseCode = "201", description = "Registered; Location is its address")
    @ApiResponse(
            responseCode = "202",
            description = "Taken without a body: the request looked automated (bot filter)",
            content = @Content)
    @ApiResponse(responseCode = "400", ref = ApiErrors.INVALID)
    @ApiResponse(responseCode = "413", ref = ApiErrors.TOO_LARGE)
    @ApiResponse(responseCode = "422", ref = ApiErrors.KEY_REUSED)
    @ApiResponse(responseCode = "429", ref = ApiErrors.TOO_MANY)
    ResponseEntity<Filed> fileWithAttachments(
            @Parameter(hidden = true) @ModelAttribute ComplaintRequest request,
            @Parameter(hidden = true) @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
            @Parameter(description = "1 to 200 printable ASCII characters; a retry sends the same key")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    String idempotencyKey,
            HttpServletRequest http) {
        return file(request, Uploads.of(files), idempotencyKey, http);
    }

    private ResponseEntity<Filed> file(
            ComplaintRequest request,
            List<AttachmentPolicy.Upload> uploads,
            String idempotencyKey,
            HttpServletRequest http) {
        rateLimiter.acquire(http.getRemoteAddr());
        PublicSubmissions.Result result = submissions.submit(request, uploads, idempotencyKey, Channels.API);
        if (result.complaint().isEmpty()) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).build();
        }
        Complaint complaint = result.complaint().get();
        return ResponseEntity.created(URI.create("/api/complaints/" + complaint.reference()))
                .header("Idempotent-Replayed", String.valueOf(result.replayed()))
                .body(new Filed(
                        complaint.reference(),
                        complaint.trackingToken(),
                        links.statusUrl(complaint.reference(), complaint.trackingToken())));
    }

    @GetMapping("/{reference}")
    @Operation(
            summary = "The complaint's status",
            description = "Stage, next step, the next committed date, the decision, the messages sent.")
    @ApiResponse(responseCode = "200", description = "The status")
    @ApiResponse(responseCode = "404", ref = ApiErrors.NOT_FOUND)
    ComplaintStatus status(
            @Parameter(description = "The complaint's reference", example = "CMP-2026-000042") @PathVariable
                    String reference,
            @TrackingToken String token) {
        return statuses.status(statuses.open(reference, token));
    }

    record MessageRequest(
            @Schema(
                    description = "What the complainant adds, at most 8000 characters",
                    example = "The parcel number is 4711.",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String text) {}

    /** 200 when the process took the information at once, 202 when it is kept and delivered as soon as it can. */
    @PostMapping("/{reference}/messages")
    @Operation(summary = "Add information to the complaint", description = "Recorded with channel api.")
    @ApiResponse(responseCode = "200", description = "Taken by the process; the status")
    @ApiResponse(responseCode = "202", description = "Recorded, delivered as soon as the process can take it")
    @ApiResponse(responseCode = "400", ref = ApiErrors.INVALID)
    @ApiResponse(responseCode = "404", ref = ApiErrors.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiErrors.NOT_POSSIBLE)
    @ApiResponse(responseCode = "413", ref = ApiErrors.TOO_LARGE)
    ResponseEntity<ComplaintStatus> addInformation(
            @Parameter(description = "The complaint's reference", example = "CMP-2026-000042") @PathVariable
                    String reference,
            @RequestBody MessageRequest body,
            @TrackingToken String token) {
        Complaint complaint = statuses.open(reference, token);
        Delivery delivery =
                messages.addInformation(complaint.reference(), body == null ? null : body.text(), Channels.API);
        return answer(delivery, reference, token);
    }

    private ResponseEntity<ComplaintStatus> answer(Delivery delivery, String reference, String token) {
        return ResponseEntity.status(delivery == Delivery.PENDING ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(statuses.status(statuses.open(reference, token)));
    }

    record DecisionResponse(
            @Schema(
                    description = "true accepts the decision, false rejects it (the complaint goes to review)",
                    example = "false",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            Boolean accepted,

            @Schema(description = "Why, optional", example = "The refund does not cover the delivery costs.")
            String comment) {}

    @PostMapping("/{reference}/decision-response")
    @Operation(summary = "Accept or reject the decision")
    @ApiResponse(responseCode = "200", description = "Recorded; the status")
    @ApiResponse(responseCode = "400", ref = ApiErrors.INVALID)
    @ApiResponse(responseCode = "404", ref = ApiErrors.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiErrors.NOT_POSSIBLE)
    @ApiResponse(responseCode = "413", ref = ApiErrors.TOO_LARGE)
    ComplaintStatus respondToDecision(
            @Parameter(description = "The complaint's reference", example = "CMP-2026-000042") @PathVariable
                    String reference,
            @RequestBody DecisionResponse body,
            @TrackingToken String token) {
        Complaint complaint = statuses.open(reference, token);
        if (body == null || body.accepted() == null) {
            throw new InvalidInputException(List.of(
                    Problem.of("accepted", "required-boolean", "say whether you accept the decision (true or false)")));
        }
        if (body.accepted()) {
            messages.acceptDecision(complaint.reference(), body.comment());
        } else {
            messages.rejectDecision(complaint.reference(), body.comment());
        }
        return statuses.status(statuses.open(reference, token));
    }

    record ExternalReferralAnswer(
            @Schema(
                    description = "true: the complainant takes the complaint to the external body; false closes it"
                            + " as not referred",
                    example = "false",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            Boolean referring,

            @Schema(description = "Why, optional", example = "I do not want to take it further.")
            String comment) {}

    /**
     * After a second rejection (ISO 10003): whether the complainant takes the complaint to the external
     * dispute-resolution body; {@code false} closes it as not referred.
     */
    @PostMapping("/{reference}/external-referral")
    @Operation(summary = "Say whether the complaint goes to the external dispute-resolution body")
    @ApiResponse(responseCode = "200", description = "Recorded; the status")
    @ApiResponse(responseCode = "400", ref = ApiErrors.INVALID)
    @ApiResponse(responseCode = "404", ref = ApiErrors.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiErrors.NOT_POSSIBLE)
    @ApiResponse(responseCode = "413", ref = ApiErrors.TOO_LARGE)
    ComplaintStatus answerExternalReferral(
            @Parameter(description = "The complaint's reference", example = "CMP-2026-000042") @PathVariable
                    String reference,
            @RequestBody(required = false) ExternalReferralAnswer body,
            @TrackingToken String token) {
        Complaint complaint = statuses.open(reference, token);
        if (body == null || body.referring() == null) {
            throw new InvalidInputException(List.of(Problem.of(
                    "referring",
                    "required-boolean",
                    "say whether you take the complaint to the external body (true or false)")));
        }
        messages.answerExternalReferral(complaint.reference(), body.referring(), body.comment());
        return statuses.status(statuses.open(reference, token));
    }

    record Withdrawal(
            @Schema(description = "Why, optional", example = "The parcel arrived after all.")
            String reason) {}

    /** 200 when the complaint is withdrawn, 202 when the withdrawal is kept and applied as soon as it can be. */
    @PostMapping("/{reference}/withdrawal")
    @Operation(summary = "Withdraw the complaint")
    @ApiResponse(responseCode = "200", description = "Withdrawn; the status")
    @ApiResponse(responseCode = "202", description = "Recorded, applied as soon as the process can take it")
    @ApiResponse(responseCode = "400", ref = ApiErrors.INVALID)
    @ApiResponse(responseCode = "404", ref = ApiErrors.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiErrors.NOT_POSSIBLE)
    @ApiResponse(responseCode = "413", ref = ApiErrors.TOO_LARGE)
    ResponseEntity<ComplaintStatus> withdraw(
            @Parameter(description = "The complaint's reference", example = "CMP-2026-000042") @PathVariable
                    String reference,
            @RequestBody(required = false) Withdrawal body,
            @TrackingToken String token) {
        Complaint complaint = statuses.open(reference, token);
        Delivery delivery = messages.withdraw(complaint.reference(), body == null ? null : body.reason());
        return answer(delivery, reference, token);
    }
}
