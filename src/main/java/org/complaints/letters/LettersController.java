package org.complaints.letters;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.complaints.apidocs.ApiErrors;
import org.complaints.security.StaffApi;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The print queue for complaint intake and complaint managers: the letters waiting to be posted, their PDFs (a
 * download, audited) and marking one posted, which counts as its delivery.
 */
@RestController
@StaffApi
@Tag(name = "staff")
@SecurityRequirement(name = ApiErrors.STAFF_SECURITY)
@ApiResponse(responseCode = "401", ref = ApiErrors.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = ApiErrors.FORBIDDEN)
class LettersController {

    private final PrintQueue queue;

    LettersController(PrintQueue queue) {
        this.queue = queue;
    }

    @Schema(description = "A letter to a complainant who prefers post (or to their representative)")
    record LetterView(
            @Schema(description = "The letter's id in the print queue", example = "12")
            long id,

            @Schema(description = "The complaint's reference", example = "CMP-2026-000042")
            String reference,

            @Schema(description = "What it says: the mail template it was rendered from", example = "decision")
            String kind,

            @Schema(description = "The addressee's language", example = "nl")
            String language,

            @Schema(description = "The letter's subject", example = "Our decision on your complaint CMP-2026-000042")
            String subject,

            @Schema(description = "Whether it is printed in large print", example = "false")
            boolean largePrint,

            @Schema(description = "When it was produced") Instant createdAt,

            @Schema(
                    description = "When its PDF was last downloaded for printing, which dates it; null before."
                            + " It is posted the day it was printed, or printed again")
            Instant printedAt,

            @Schema(description = "When it was posted; null while it waits")
            Instant postedAt,

            @Schema(description = "Who marked it posted; null while it waits", example = "intake")
            String postedBy,

            @Schema(description = "Where its PDF is downloaded", example = "/api/staff/letters/12/pdf")
            String pdf) {

        static LetterView of(Letters.Letter l) {
            return new LetterView(
                    l.id(),
                    l.reference(),
                    l.kind(),
                    l.language(),
                    l.subject(),
                    l.largePrint(),
                    l.createdAt(),
                    l.printedAt(),
                    l.postedAt(),
                    l.postedBy(),
                    "/api/staff/letters/" + l.id() + "/pdf");
        }
    }

    @GetMapping("/api/staff/letters")
    @Operation(
            summary = "Letters waiting to be posted",
            description = "Oldest first; only letters of complaints the caller may see. For complaint intake and"
                    + " complaint managers.")
    @ApiResponse(responseCode = "200", description = "The waiting letters")
    List<LetterView> waiting() {
        return queue.waiting(queue.poster()).stream().map(LetterView::of).toList();
    }

    @GetMapping(path = "/api/staff/letters/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(
            summary = "A letter's PDF, as a download (reading it is audited)",
            description = "A waiting letter is laid out for today: its date and, for a decision, the date by which"
                    + " to react count from today, as they will when it is posted today.")
    @ApiResponse(responseCode = "200", description = "The PDF, Content-Disposition: attachment")
    @ApiResponse(responseCode = "404", ref = ApiErrors.STAFF_NOT_FOUND)
    ResponseEntity<byte[]> pdf(
            @Parameter(description = "The letter's id in the print queue", example = "12") @PathVariable long id) {
        PrintQueue.Download download = queue.download(queue.poster(), id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(download.fileName())
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(download.pdf());
    }

    @PostMapping("/api/staff/letters/{id}/posted")
    @Operation(
            summary = "Mark a letter posted",
            description = "Records today as its posting date and the caller as who posted it; time limits that"
                    + " count from the complainant receiving it (the reaction to a decision) count from now. A letter"
                    + " printed for another day is refused (409) until it is downloaded and printed again.")
    @ApiResponse(responseCode = "200", description = "Posted; the letter")
    @ApiResponse(responseCode = "404", ref = ApiErrors.STAFF_NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiErrors.STAFF_CONFLICT)
    LetterView posted(
            @Parameter(description = "The letter's id in the print queue", example = "12") @PathVariable long id) {
        return LetterView.of(queue.markPosted(queue.poster(), id));
    }
}
