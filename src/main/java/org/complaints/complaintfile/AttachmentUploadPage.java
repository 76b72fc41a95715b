package org.complaints.complaintfile;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.complaints.engine.InvalidInputException;
import org.complaints.engine.rest.StaffFormToken;
import org.complaints.intake.AttachmentPolicy;
import org.complaints.intake.AttachmentsTooLargeException;
import org.complaints.intake.PublicFieldProblems;
import org.complaints.intake.Uploads;
import org.complaints.register.ComplaintNotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The upload form of the complaint file page: staff add a scanned letter or a photo with the public form's checks
 * ({@link AttachmentPolicy}), signed in with their webapps' session and the page's {@link StaffFormToken}. A
 * refused file is named with the reason in the staff member's language and nothing is stored; an accepted one is
 * listed on the file the page returns to.
 */
@Controller
class AttachmentUploadPage {

    private final ComplaintFiles files;
    private final ComplaintSearch search;
    private final ComplaintVisibility visibility;
    private final MessageSource messages;

    AttachmentUploadPage(
            ComplaintFiles files, ComplaintSearch search, ComplaintVisibility visibility, MessageSource messages) {
        this.files = files;
        this.search = search;
        this.visibility = visibility;
        this.messages = messages;
    }

    @PostMapping("/staff/complaints/{reference}/attachments")
    String upload(
            @PathVariable String reference,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> chosen,
            @RequestParam(defaultValue = "false") boolean embedded,
            HttpServletRequest request,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        StaffFormToken.require(request);
        Viewer viewer = visibility.viewer();
        Locale locale = LocaleContextHolder.getLocale();
        List<AttachmentPolicy.Upload> uploads = Uploads.of(chosen);
        String error;
        int status;
        if (uploads.isEmpty()) {
            error = messages.getMessage("complaintfile.upload.none", null, locale);
            status = HttpServletResponse.SC_BAD_REQUEST;
        } else {
            try {
                List<ComplaintFile.AttachmentInfo> listed = files.addAttachments(viewer, reference, uploads);
                redirect.addFlashAttribute(
                        "uploaded",
                        uploads.stream().map(AttachmentPolicy.Upload::fileName).toList());
                String target = "/staff/complaints/" + UriUtils.encodePathSegment(reference, "UTF-8")
                        + (embedded ? "?embedded=true" : "") + "#h-attachments";
                return listed.isEmpty() ? "redirect:/staff/complaints" : "redirect:" + target;
            } catch (InvalidInputException e) {
                error = String.join(
                        " ",
                        PublicFieldProblems.of(e, messages, locale).stream()
                                .map(PublicFieldProblems.FieldProblem::message)
                                .toList());
                status = HttpServletResponse.SC_BAD_REQUEST;
            } catch (AttachmentsTooLargeException e) {
                error = messages.getMessage("problem.too-large.detail", null, locale);
                status = HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
            } catch (ResponseStatusException e) {
                if (e.getStatusCode().value() != HttpStatus.CONFLICT.value()) {
                    throw e;
                }
                error = messages.getMessage("complaintfile.upload.anonymised", null, locale);
                status = HttpServletResponse.SC_CONFLICT;
            }
        }
        response.setStatus(status);
        model.addAttribute("uploadError", error);
        model.addAttribute("user", viewer.user());
        model.addAttribute("embedded", embedded);
        model.addAttribute("zone", search.zone());
        model.addAttribute("addsAttachments", viewer.addsAttachments());
        model.addAttribute("file", files.read(viewer, reference));
        return "staff/complaint-file";
    }

    @ExceptionHandler(ComplaintNotFoundException.class)
    String notFound(ComplaintNotFoundException e, Model model, HttpServletResponse response) {
        return problem(model, response, HttpServletResponse.SC_NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ResponseStatusException.class)
    String refused(ResponseStatusException e, Model model, HttpServletResponse response) {
        return problem(model, response, e.getStatusCode().value(), e.getReason());
    }

    private static String problem(Model model, HttpServletResponse response, int status, String message) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", message);
        return "staff/problem";
    }
}
