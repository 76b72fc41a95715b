package org.complaints.complaintfile;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.complaints.engine.InvalidInputException;
import org.complaints.engine.rest.StaffFormToken;
import org.complaints.intake.SubmissionValidator;
import org.complaints.register.ComplaintNotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The forms of the complaint file page: each posts to the page, does what the staff API does for the same action,
 * and sends the browser back to the file (post, redirect, get) with what happened in the staff member's language.
 * A form is taken only with the session's {@link StaffFormToken}, whatever signed the request in: a browser that
 * remembers HTTP Basic credentials cannot be made to post from another site either.
 */
@Controller
class FileActionPages {

    private final FileActions actions;
    private final ComplaintVisibility visibility;
    private final MessageSource messages;

    FileActionPages(FileActions actions, ComplaintVisibility visibility, MessageSource messages) {
        this.actions = actions;
        this.visibility = visibility;
        this.messages = messages;
    }

    /** What the file page's forms need: the session's token, a fresh key for the next message, the languages. */
    @ControllerAdvice(assignableTypes = ComplaintFilePages.class)
    static class Forms {

        @ModelAttribute
        void forms(HttpServletRequest request, org.springframework.ui.Model model) {
            model.addAttribute("formToken", StaffFormToken.of(request.getSession(true)));
            model.addAttribute("newMessageKey", UUID.randomUUID().toString());
            model.addAttribute("languages", SubmissionValidator.LANGUAGES);
        }
    }

    @PostMapping("/staff/complaints/{reference}/messages")
    String message(
            @PathVariable String reference,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String idempotencyKey,
            @RequestParam(defaultValue = "false") boolean embedded,
            HttpServletRequest request,
            RedirectAttributes flash,
            Locale locale) {
        return act(
                reference, embedded, request, flash, locale, "message", form("subject", subject, "text", text), () -> {
                    FileActions.MessageQueued queued = actions.writeToComplainant(
                            visibility.viewer(),
                            reference,
                            new FileActions.MessageRequest(subject, text),
                            idempotencyKey);
                    return messages.getMessage(
                            queued.queuedNow()
                                    ? "complaintfile.action.message.sent"
                                    : "complaintfile.action.message.again",
                            null,
                            locale);
                });
    }

    @PostMapping("/staff/complaints/{reference}/notes")
    String note(
            @PathVariable String reference,
            @RequestParam(required = false) String text,
            @RequestParam(defaultValue = "false") boolean embedded,
            HttpServletRequest request,
            RedirectAttributes flash,
            Locale locale) {
        return act(reference, embedded, request, flash, locale, "note", form("text", text), () -> {
            actions.addNote(visibility.viewer(), reference, new FileActions.NoteRequest(text));
            return messages.getMessage("complaintfile.action.note.added", null, locale);
        });
    }

    @PostMapping("/staff/complaints/{reference}/contact")
    String contact(
            @PathVariable String reference,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String preferredLanguage,
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "false") boolean embedded,
            HttpServletRequest request,
            RedirectAttributes flash,
            Locale locale) {
        Map<String, String> entered = form(
                "name", name, "email", email, "phone", phone, "preferredLanguage", preferredLanguage, "reason", reason);
        return act(reference, embedded, request, flash, locale, "contact", entered, () -> {
            // the form always shows every field: an emptied phone removes the number
            FileActions.ContactCorrected corrected = actions.correctContact(
                    visibility.viewer(),
                    reference,
                    new FileActions.ContactCorrection(
                            name, email, phone == null ? "" : phone, preferredLanguage, reason));
            return corrected.changed().isEmpty()
                    ? messages.getMessage("complaintfile.action.contact.unchanged", null, locale)
                    : messages.getMessage(
                            "complaintfile.action.contact.saved",
                            new Object[] {String.join(", ", corrected.changed())},
                            locale);
        });
    }

    private String act(
            String reference,
            boolean embedded,
            HttpServletRequest request,
            RedirectAttributes flash,
            Locale locale,
            String action,
            Map<String, String> entered,
            Supplier<String> done) {
        StaffFormToken.require(request);
        try {
            flash.addFlashAttribute("actionNotice", done.get());
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionProblem", problem(translated(e, locale), locale));
            flash.addFlashAttribute("actionForm", action);
            flash.addFlashAttribute("entered", entered);
        } catch (ResponseStatusException e) {
            flash.addFlashAttribute("actionProblem", problem(e.getReason(), locale));
            flash.addFlashAttribute("actionForm", action);
            flash.addFlashAttribute("entered", entered);
        } catch (ComplaintNotFoundException e) {
            flash.addFlashAttribute("actionProblem", problem(e.getMessage(), locale));
        }
        return "redirect:"
                + UriComponentsBuilder.fromPath("/staff/complaints/{reference}")
                        .queryParamIfPresent(
                                "embedded", embedded ? java.util.Optional.of("true") : java.util.Optional.empty())
                        .fragment("actions")
                        .buildAndExpand(ComplaintFiles.normalise(reference))
                        .encode()
                        .toUriString();
    }

    /** A form without its token: the staff problem page, as the file page answers a refusal. */
    @ExceptionHandler(ResponseStatusException.class)
    String refused(ResponseStatusException e, org.springframework.ui.Model model, HttpServletResponse response) {
        response.setStatus(e.getStatusCode().value());
        model.addAttribute("status", e.getStatusCode().value());
        model.addAttribute("message", e.getReason());
        return "staff/problem";
    }

    private String problem(String detail, Locale locale) {
        return messages.getMessage("complaintfile.action.problem", new Object[] {detail}, locale);
    }

    /** Each problem in the staff member's language where the bundles have its code, else as the API says it. */
    private String translated(InvalidInputException e, Locale locale) {
        List<String> each = new ArrayList<>();
        for (InvalidInputException.Problem p : e.problems()) {
            if (p.code() == null || p.field() == null) {
                each.add(p.toString());
                continue;
            }
            List<Object> args = new ArrayList<>();
            args.add(messages.getMessage("complaintfile.action.field." + p.field(), null, p.field(), locale));
            args.addAll(p.args());
            each.add(messages.getMessage("error." + p.code(), args.toArray(), p.toString(), locale));
        }
        return String.join(" ", each);
    }

    private static Map<String, String> form(String... namesAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }
}
