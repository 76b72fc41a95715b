package org.complaints.mail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.complaints.apidocs.ApiErrors;
import org.complaints.security.StaffAccess;
import org.complaints.security.StaffApi;
import org.complaints.security.StaffGroups;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The mail outbox for complaint managers and administrators: what has not gone out and why (by kind, never the
 * server's text or the recipients), and a retry for a message given up, also when its process has ended.
 */
@RestController
@StaffApi
@Tag(name = "staff")
@SecurityRequirement(name = ApiErrors.STAFF_SECURITY)
@ApiResponse(responseCode = "401", ref = ApiErrors.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = ApiErrors.FORBIDDEN)
class MailOutboxController {

    private static final int LIMIT = 500;

    private final MailOutbox outbox;
    private final OutboxSender sender;
    private final StaffAccess staff;

    MailOutboxController(MailOutbox outbox, OutboxSender sender, StaffAccess staff) {
        this.outbox = outbox;
        this.sender = sender;
        this.staff = staff;
    }

    record Unsent(
            @Schema(description = "The e-mail's id in the outbox", example = "42")
            long id,

            @Schema(description = "The complaint's reference", example = "CMP-2026-000042")
            String reference,

            @Schema(description = "Which e-mail it is", example = "acknowledgement")
            String template,

            @Schema(
                    description = "Its Message-ID",
                    example = "<acknowledgement.CMP-2026-000042@complaints.example.org>")
            String messageId,

            @Schema(description = "PENDING (retried) or FAILED (given up)", example = "FAILED")
            String status,

            @Schema(description = "Attempts so far", example = "8")
            int attempts,

            @Schema(description = "When it was queued", example = "2026-03-02T09:15:00Z")
            Instant queuedAt,

            @Schema(description = "When it is tried next; null once given up")
            Instant nextAttemptAt,

            @Schema(description = "The last error, without addresses", example = "Connection refused")
            String lastFailure,

            @Schema(description = "The incident raised in Cockpit once given up")
            String incidentId) {}

    @GetMapping("/api/staff/mail-outbox")
    @Operation(summary = "E-mail not gone out yet", description = "Without recipients or text.")
    @ApiResponse(responseCode = "200", description = "The e-mails waiting or given up")
    List<Unsent> unsent() {
        staff.requireAnyGroup(StaffGroups.MANAGERS, StaffGroups.ADMIN);
        return outbox.unsent(LIMIT).stream().map(MailOutboxController::unsent).toList();
    }

    @PostMapping("/api/staff/mail-outbox/{id}/retry")
    @Operation(summary = "Send a given-up e-mail once more")
    @ApiResponse(responseCode = "200", description = "Queued again")
    @ApiResponse(responseCode = "404", ref = ApiErrors.STAFF_NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiErrors.STAFF_CONFLICT)
    Unsent retry(@Parameter(description = "The e-mail's id in the outbox", example = "42") @PathVariable long id) {
        staff.requireAnyGroup(StaffGroups.MANAGERS, StaffGroups.ADMIN);
        MailOutbox.Entry entry = outbox.find(id)
                .orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No e-mail " + id + " in the outbox."));
        if (!sender.retry(id)) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "E-mail " + id + " is " + entry.status() + "; only a FAILED e-mail can be retried.");
        }
        return unsent(outbox.find(id).orElseThrow());
    }

    private static Unsent unsent(MailOutbox.Entry e) {
        return new Unsent(
                e.id(),
                e.mail().reference(),
                e.mail().template(),
                e.mail().messageId(),
                e.status(),
                e.attempts(),
                e.queuedAt(),
                e.nextAttemptAt(),
                e.lastFailure(),
                e.incidentId());
    }
}
