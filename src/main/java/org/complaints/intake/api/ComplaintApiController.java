package org.complaints.intake.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
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
class ComplaintApiController {

    static final String TOKEN_HEADER = "X-Tracking-Token";

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

    record Filed(String reference, String trackingToken, String statusUrl) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Filed> file(
            @RequestBody ComplaintRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            HttpServletRequest http) {
        return file(request, List.of(), idempotencyKey, http);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Filed> fileWithAttachments(
            @ModelAttribute ComplaintRequest request,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            HttpServletRequest http) {
        return file(request, Uploads.of(files), idempotencyKey, http);
    }

    private ResponseEntity<Filed> file(
            ComplaintRequest request,
            List<AttachmentPolicy.Upload> uploads,
            String idempotencyKey,
            HttpServletRequest http) {
        rateLimiter.acquire(http.getRemoteAddr());
        PublicSubmissions.Result result = submissions.submit(request, uploads, idempotencyKey);
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
    ComplaintStatus status(
            @PathVariable String reference,
            @RequestHeader(name = TOKEN_HEADER, required = false) String header,
            @RequestParam(name = "token", required = false) String query) {
        return statuses.status(statuses.open(reference, token(header, query)));
    }

    record MessageRequest(String text) {}

    /** 200 when the process took the information at once, 202 when it is kept and delivered as soon as it can. */
    @PostMapping("/{reference}/messages")
    ResponseEntity<ComplaintStatus> addInformation(
            @PathVariable String reference,
            @RequestBody MessageRequest body,
            @RequestHeader(name = TOKEN_HEADER, required = false) String header,
            @RequestParam(name = "token", required = false) String query) {
        Complaint complaint = statuses.open(reference, token(header, query));
        Delivery delivery = messages.addInformation(complaint.reference(), body == null ? null : body.text(), "web");
        return answer(delivery, reference, token(header, query));
    }

    private ResponseEntity<ComplaintStatus> answer(Delivery delivery, String reference, String token) {
        return ResponseEntity.status(delivery == Delivery.PENDING ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(statuses.status(statuses.open(reference, token)));
    }

    record DecisionResponse(Boolean accepted, String comment) {}

    @PostMapping("/{reference}/decision-response")
    ComplaintStatus respondToDecision(
            @PathVariable String reference,
            @RequestBody DecisionResponse body,
            @RequestHeader(name = TOKEN_HEADER, required = false) String header,
            @RequestParam(name = "token", required = false) String query) {
        Complaint complaint = statuses.open(reference, token(header, query));
        if (body == null || body.accepted() == null) {
            throw new InvalidInputException(List.of(
                    Problem.of("accepted", "required-boolean", "say whether you accept the decision (true or false)")));
        }
        if (body.accepted()) {
            messages.acceptDecision(complaint.reference(), body.comment());
        } else {
            messages.rejectDecision(complaint.reference(), body.comment());
        }
        return statuses.status(statuses.open(reference, token(header, query)));
    }

    record ExternalReferralAnswer(Boolean referring, String comment) {}

    /**
     * After a second rejection (ISO 10003): whether the complainant takes the complaint to the external
     * dispute-resolution body; {@code false} closes it as not referred.
     */
    @PostMapping("/{reference}/external-referral")
    ComplaintStatus answerExternalReferral(
            @PathVariable String reference,
            @RequestBody(required = false) ExternalReferralAnswer body,
            @RequestHeader(name = TOKEN_HEADER, required = false) String header,
            @RequestParam(name = "token", required = false) String query) {
        Complaint complaint = statuses.open(reference, token(header, query));
        if (body == null || body.referring() == null) {
            throw new InvalidInputException(List.of(Problem.of(
                    "referring",
                    "required-boolean",
                    "say whether you take the complaint to the external body (true or false)")));
        }
        messages.answerExternalReferral(complaint.reference(), body.referring(), body.comment());
        return statuses.status(statuses.open(reference, token(header, query)));
    }

    record Withdrawal(String reason) {}

    /** 200 when the complaint is withdrawn, 202 when the withdrawal is kept and applied as soon as it can be. */
    @PostMapping("/{reference}/withdrawal")
    ResponseEntity<ComplaintStatus> withdraw(
            @PathVariable String reference,
            @RequestBody(required = false) Withdrawal body,
            @RequestHeader(name = TOKEN_HEADER, required = false) String header,
            @RequestParam(name = "token", required = false) String query) {
        Complaint complaint = statuses.open(reference, token(header, query));
        Delivery delivery = messages.withdraw(complaint.reference(), body == null ? null : body.reason());
        return answer(delivery, reference, token(header, query));
    }

    private static String token(String header, String query) {
        return header != null ? header : query;
    }
}
