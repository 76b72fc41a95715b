package org.complaints.complaintfile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.complaints.apidocs.ApiErrors;
import org.complaints.intake.AttachmentPolicy;
import org.complaints.security.StaffApi;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The complaint file API for staff (/api/staff/complaints): search, the file, its attachments. */
@RestController
@StaffApi
@Tag(name = "staff")
@SecurityRequirement(name = ApiErrors.STAFF_SECURITY)
@ApiResponse(responseCode = "401", ref = ApiErrors.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = ApiErrors.FORBIDDEN)
class ComplaintFileController {

    private final ComplaintFiles files;
    private final ComplaintSearch search;
    private final ComplaintVisibility visibility;

    ComplaintFileController(ComplaintFiles files, ComplaintSearch search, ComplaintVisibility visibility) {
        this.files = files;
        this.search = search;
        this.visibility = visibility;
    }

    @GetMapping("/api/staff/complaints")
    @Operation(
            summary = "Search open and closed complaints",
            description = "Only complaints the caller may see are found (confidential, named staff, intake scope).")
    @ApiResponse(responseCode = "200", description = "One page of results and the total")
    @ApiResponse(responseCode = "400", ref = ApiErrors.STAFF_INVALID)
    ComplaintSearch.Result search(
            @Parameter(
                            description = "Reference, complainant name, e-mail, phone, product or service, or words"
                                    + " of the description",
                            example = "jan.devries@example.net")
                    @RequestParam(required = false)
                    String q,
            @Parameter(description = "Stage, e.g. ASSESSMENT or CLOSED", example = "INVESTIGATION")
                    @RequestParam(required = false)
                    String stage,
            @Parameter(description = "Priority", example = "high") @RequestParam(required = false) String priority,
            @Parameter(description = "Handling group", example = "complaint-handlers") @RequestParam(required = false)
                    String handlingGroup,
            @Parameter(description = "Channel", example = "phone") @RequestParam(required = false) String channel,
            @Parameter(description = "Category code", example = "billing") @RequestParam(required = false)
                    String category,
            @Parameter(description = "Outcome or closure, e.g. upheld, out-of-scope", example = "upheld")
                    @RequestParam(required = false)
                    String outcome,
            @Parameter(description = "Only open complaints past their committed date", example = "true")
                    @RequestParam(required = false)
                    Boolean overdue,
            @Parameter(description = "Received on or after (YYYY-MM-DD)", example = "2026-11-01")
                    @RequestParam(required = false)
                    String receivedFrom,
            @Parameter(description = "Received on or before (YYYY-MM-DD)", example = "2026-11-30")
                    @RequestParam(required = false)
                    String receivedTo,
            @Parameter(
                            description = "received, reference, deadline or closed; a leading '-' sorts descending",
                            example = "-received")
                    @RequestParam(required = false)
                    String sort,
            @Parameter(description = "Page number, from 0", example = "0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Results per page", example = "25") @RequestParam(required = false) Integer size) {
        Viewer viewer = visibility.viewer();
        return search.search(
                viewer,
                new ComplaintSearch.Query(
                        q,
                        stage,
                        priority,
                        handlingGroup,
                        channel,
                        category,
                        outcome,
                        overdue,
                        receivedFrom,
                        receivedTo,
                        sort,
                        page,
                        size));
    }

    @GetMapping("/api/staff/complaints/{reference}")
    @Operation(
            summary = "The complaint file",
            description = "Register data (contact details for the roles allowed to see them; reading them is"
                    + " audited), stage, dates, open tasks, the timeline, attachments, related complaints.")
    @ApiResponse(responseCode = "200", description = "The file")
    @ApiResponse(responseCode = "404", ref = ApiErrors.STAFF_NOT_FOUND)
    ComplaintFile file(
            @Parameter(description = "The complaint's reference", example = "CMP-2026-000042") @PathVariable
                    String reference) {
        return files.read(visibility.viewer(), reference);
    }

    /** Always a download with the type checked at upload, never shown inline: a file is not a page of ours. */
    @GetMapping("/api/staff/complaints/{reference}/attachments/{id}")
    @Operation(summary = "An attachment, as a download (reading it is audited)")
    @ApiResponse(responseCode = "200", description = "The file, Content-Disposition: attachment")
    @ApiResponse(responseCode = "404", ref = ApiErrors.STAFF_NOT_FOUND)
    ResponseEntity<byte[]> attachment(
            @Parameter(description = "The complaint's reference", example = "CMP-2026-000042") @PathVariable
                    String reference,
            @Parameter(description = "The attachment's id in the file", example = "7") @PathVariable long id) {
        ComplaintFiles.AttachmentContent content = files.attachment(visibility.viewer(), reference, id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(content.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content.content());
    }

    @PostMapping(path = "/api/staff/complaints/{reference}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add attachments (e.g. a scanned letter), with the public form's checks")
    @ApiResponse(responseCode = "201", description = "Added; the attachments")
    @ApiResponse(responseCode = "400", ref = ApiErrors.STAFF_INVALID)
    @ApiResponse(responseCode = "404", ref = ApiErrors.STAFF_NOT_FOUND)
    ResponseEntity<List<ComplaintFile.AttachmentInfo>> addAttachments(
            @Parameter(description = "The complaint's reference", example = "CMP-2026-000042") @PathVariable
                    String reference,
            @Parameter(description = "PDF, JPEG, PNG or plain text files")
                    @RequestParam(name = "attachments", required = false)
                    List<MultipartFile> uploads)
            throws IOException {
        Viewer viewer = visibility.viewer();
        List<AttachmentPolicy.Upload> checked = new ArrayList<>();
        for (MultipartFile upload : uploads == null ? List.<MultipartFile>of() : uploads) {
            checked.add(new AttachmentPolicy.Upload(upload.getOriginalFilename(), upload.getBytes()));
        }
        return ResponseEntity.status(201).body(files.addAttachments(viewer, reference, checked));
    }
}
