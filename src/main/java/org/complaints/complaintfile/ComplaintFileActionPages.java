package org.complaints.complaintfile;

import jakarta.servlet.http.HttpServletRequest;
import org.complaints.engine.InvalidInputException;
import org.complaints.engine.rest.StaffFormToken;
import org.complaints.mail.MailFormats;
import org.complaints.register.ComplaintNotFoundException;
import org.complaints.reopening.Reopenings;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The complaint file's forms for reopening and linking as duplicate: they act with the webapps' session when they
 * carry the session's form token ({@link StaffFormToken}), then return to the file (post, redirect, get) with what
 * happened or why it was refused, in the staff member's language, where the form was.
 */
@Controller
class ComplaintFileActionPages {

    private final ComplaintFileActions actions;
    private final ComplaintVisibility visibility;
    private final MessageSource messages;
    private final MailFormats formats;

    ComplaintFileActionPages(
            ComplaintFileActions actions, ComplaintVisibility visibility, MessageSource messages, MailFormats formats) {
        this.actions = actions;
        this.visibility = visibility;
        this.messages = messages;
        this.formats = formats;
    }

    @PostMapping("/staff/complaints/{reference}/reopening")
    String reopen(
            @PathVariable String reference,
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "false") boolean embedded,
            HttpServletRequest request,
            RedirectAttributes flash) {
        StaffFormToken.require(request);
        try {
            Reopenings.Reopened reopened = actions.reopen(visibility.viewer(), reference, reason);
            flash.addFlashAttribute(
                    "fileActionDone",
                    message(
                            "complaintfile.reopen.done",
                            formats.date(
                                    reopened.responseDeadline(),
                                    LocaleContextHolder.getLocale().getLanguage())));
        } catch (InvalidInputException | ResponseStatusException | ComplaintNotFoundException e) {
            refused(flash, "reopen", e, reason, null);
        }
        return back(reference, embedded);
    }

    @PostMapping("/staff/complaints/{reference}/duplicate-of")
    String duplicateOf(
            @PathVariable String reference,
            @RequestParam(name = "reference", required = false) String otherReference,
            @RequestParam(defaultValue = "false") boolean embedded,
            HttpServletRequest request,
            RedirectAttributes flash) {
        StaffFormToken.require(request);
        try {
            ComplaintFileActions.Linked linked = actions.linkDuplicate(visibility.viewer(), reference, otherReference);
            flash.addFlashAttribute("fileActionDone", message("complaintfile.duplicate.done", linked.duplicateOf()));
        } catch (InvalidInputException | ResponseStatusException | ComplaintNotFoundException e) {
            refused(flash, "duplicate", e, null, otherReference);
        }
        return back(reference, embedded);
    }

    private void refused(RedirectAttributes flash, String form, RuntimeException e, String reason, String other) {
        String detail = e instanceof ResponseStatusException status ? status.getReason() : e.getMessage();
        flash.addFlashAttribute("fileActionForm", form);
        flash.addFlashAttribute("fileActionProblem", message("complaintfile.action.refused", detail));
        flash.addFlashAttribute("fileActionReason", reason);
        flash.addFlashAttribute("fileActionOther", other);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** A relative redirect to the file, never built from a header the client chose. */
    private static String back(String reference, boolean embedded) {
        return "redirect:"
                + UriComponentsBuilder.fromPath("/staff/complaints/{reference}")
                        .queryParamIfPresent(
                                "embedded", embedded ? java.util.Optional.of("true") : java.util.Optional.empty())
                        .fragment("file-actions")
                        .buildAndExpand(ComplaintFiles.normalise(reference))
                        .encode()
                        .toUriString();
    }
}
