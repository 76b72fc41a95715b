package org.complaints.complaintfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
    ComplaintSearch.Result search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String priority,
            @RequestParam(required = false) String handlingGroup,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) String receivedFrom,
            @RequestParam(required = false) String receivedTo,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
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
    ComplaintFile file(@PathVariable String reference) {
        return files.read(visibility.viewer(), reference);
    }

    /** Always a download with the type checked at upload, never shown inline: a file is not a page of ours. */
    @GetMapping("/api/staff/complaints/{reference}/attachments/{id}")
    ResponseEntity<byte[]> attachment(@PathVariable String reference, @PathVariable long id) {
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
    ResponseEntity<List<ComplaintFile.AttachmentInfo>> addAttachments(
            @PathVariable String reference,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> uploads)
            throws IOException {
        Viewer viewer = visibility.viewer();
        List<AttachmentPolicy.Upload> checked = new ArrayList<>();
        for (MultipartFile upload : uploads == null ? List.<MultipartFile>of() : uploads) {
            checked.add(new AttachmentPolicy.Upload(upload.getOriginalFilename(), upload.getBytes()));
        }
        return ResponseEntity.status(201).body(files.addAttachments(viewer, reference, checked));
    }
}
