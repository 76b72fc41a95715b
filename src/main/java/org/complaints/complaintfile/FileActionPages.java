package org.complaints.complaintfile;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.complaints.engine.InvalidInputException;
import org.complaints.engine.Refusal;
import org.complaints.engine.rest.StaffFormToken;
import org.complaints.intake.SubmissionValidator;
import org.complaints.mail.MailFormats;
import org.complaints.register.ComplaintNotFoundException;
import org.complaints.reopening.Reopenings;
import org.complaints.survey.SurveyAnswers;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
 * The forms of the complaint file page, one per action of {@link FileActions}, all handled the one way
 * ({@link #act}): the form is taken only with the session's {@link StaffFormToken} (whatever signed the request in,
 * so a browser that remembers HTTP Basic credentials cannot be made to post from another site), once per the
 * one-time key the page wrote into it ({@link FileActionKeys}: a double click or a resent form answers what the
 * first one did and changes nothing), and the browser goes back to the file (post, redirect, get) with what
 * happened, or why it was refused, in the staff member's language.
 */
@Controller
class FileActionPages {

    /** The actions whose forms sit in the duplicates section; the others are in the actions section. */
    private static final List<String> IN_FILE_ACTIONS = List.of("reopening", "duplicate-of");

    private final FileActions actions;
    private final FileActionKeys keys;
    private final ComplaintVisibility visibility;
    private final MessageSource messages;
    private final MailFormats formats;

    FileActionPages(
            FileActions actions,
            FileActionKeys keys,
            ComplaintVisibility visibility,
            MessageSource messages,
            MailFormats formats) {
        this.actions = actions;
        this.keys = keys;
        this.visibility = visibility;
        this.messages = messages;
        this.formats = formats;
    }

    /**
     * What every form of the file page carries, set once for the pages that show the file: the session's form
     * token, a one-time key made for this rendering (each form adds its action's name), the choices of the forms.
     */
    @ControllerAdvice(assignableTypes = {ComplaintFilePages.class, AttachmentUploadPage.class})
    static class Forms {

        @ModelAttribute
        void forms(HttpServletRequest request, Model model) {
            model.addAttribute("formToken", StaffFormToken.of(request.getSession(true)));
            model.addAttribute("formTokenField", StaffFormToken.PARAMETER);
            model.addAttribute("formKey", UUID.randomUUID().toString());
            model.addAttribute("languages", SubmissionValidator.LANGUAGES);
            model.addAttribute("contactWays", SubmissionValidator.PREFERRED_CONTACTS);
            model.addAttribute("accessibilityNeeds", SubmissionValidator.ACCESSIBILITY_NEEDS);
            model.addAttribute("surveyReceivedBy", SurveyAnswers.RECEIVED_BY);
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
            RedirectAttributes flash) {
        return act(
                "message",
                reference,
                idempotencyKey,
                embedded,
                request,
                flash,
                form("subject", subject, "text", text),
                viewer -> {
                    FileActions.MessageQueued queued = actions.writeToComplainant(
                            viewer, reference, new FileActions.MessageRequest(subject, text), idempotencyKey);
                    return say(
                            queued.queuedNow()
                                    ? "complaintfile.action.message.sent"
                                    : "complaintfile.action.message.again");
                });
    }

    @PostMapping("/staff/complaints/{reference}/notes")
    String note(
            @PathVariable String reference,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String idempotencyKey,
            @RequestParam(defaultValue = "false") boolean embedded,
            HttpServletRequest request,
            RedirectAttributes flash) {
        return act("note", reference, idempotencyKey, embedded, request, flash, form("text", text), viewer -> {
            actions.addNote(viewer, reference, new FileActions.NoteRequest(text));
            return say("complaintfile.action.note.added");
        });
    }

    /**
     * The form shows every field filled in, so every field is sent: an emptied field removes the value, a
     * representative whose fields are all emptied (or ticked for removal) is removed.
     */
    @PostMapping("/staff/complaints/{reference}/contact")
    String contact(
            @PathVariable String reference,
            @RequestParam Map<String, String> fields,
            @RequestParam(required = false) String idempotencyKey,
            @RequestParam(defaultValue = "false") boolean embedded,
            HttpServletRequest request,
            RedirectAttributes flash) {
        Map<String, String> entered = new LinkedHashMap<>(fields);
        entered.remove(StaffFormToken.PARAMETER);
        boolean remove = fields.containsKey("removeRepresentative");
        // ticked for removal, the representative's fields (still filled in) are not a new representative
        Function<String, String> representative = field -> remove ? null : fields.getOrDefault(field, "");
        FileActions.ContactCorrection correction = new FileActions.ContactCorrection(
                fields.get("name"),
                fields.getOrDefault("email", ""),
                fields.getOrDefault("phone", ""),
                fields.get("preferredLanguage"),
                fields.getOrDefault("postalAddress", ""),
                fields.get("preferredContact"),
                fields.getOrDefault("accessibilityNeeds", ""),
                fields.getOrDefault("accessibilityNote", ""),
                representative.apply("representativeName"),
                representative.apply("representativeEmail"),
                representative.apply("representativePhone"),
                representative.apply("representativePostalAddress"),
                representative.apply("representativeRelation"),
                remove ? null : fields.containsKey("representativeConsent"),
                remove,
                fields.get("reason"));
        return act("contact", reference, idempotencyKey, embedded, request, flash, entered, viewer -> {
            FileActions.ContactCorrected corrected = actions.correctContact(viewer, reference, correction);
            if (corrected.changed().isEmpty()) {
                return say("complaintfile.action.contact.unchanged");
            }
            List<String> labels = corrected.changed().stream()
                    .map(field -> Optional.ofNullable(find("complaintfile.action.field." + field))
                            .orElse(field))
                    .map(label ->
                            label.substring(0, 1).toLowerCase(LocaleContextHolder.getLocale()) + label.substring(1))
                    .toList();
            return say("complaintfile.action.contact.saved", String.join(", ", labels));
        });
    }

    @PostMapping("/staff/complaints/{reference}/reopening")
    String reopen(
            @PathVariable String reference,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String idempotencyKey,
            @RequestParam(defaultValue = "false") boolean embedded,
            HttpServletRequest request,
            RedirectAttributes flash) {
        return act("reopening", reference, idempotencyKey, embedded, request, flash, form("reason", reason), viewer -> {
            Reopenings.Reopened reopened = actions.reopen(viewer, reference, reason);
            return say(
                    "complaintfile.reopen.done",
                    formats.date(
                            reopened.responseDeadline(),
                            LocaleContextHolder.getLocale().getLanguage()));
        });
    }

    @PostMapping("/staff/complaints/{reference}/duplicate-of")
    String duplicateOf(
            @PathVariable String reference,
            @RequestParam(name = "reference", required = false) String otherReference,
            @RequestParam(required = false) String idempotencyKey,
            @RequestParam(defaultValue = "false") boolean embedded,
            HttpServletRequest request,
            RedirectAttributes flash) {
        return act(
                "duplicate-of",
                reference,
                idempotencyKey,
                embedded,
                request,
                flash,
                form("reference", otherReference),
                viewer -> say(
                        "complaintfile.duplicate.done",
                        actions.linkDuplicate(viewer, reference, otherReference).duplicateOf()));
    }

    @PostMapping("/staff/complaints/{reference}/decision-answer")
    String answerDecision(
            @PathVariable String reference,
            @RequestParam(required = false) String answer,
            @RequestParam(required = false) String receivedBy,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String idempotencyKey,
            @RequestParam(defaultValue = "false") boolean embedded,
            HttpServletRequest request,
            RedirectAttributes flash) {
        Map<String, String> entered = form("answer", answer, "receivedBy", receivedBy, "note", note);
        return act("decision-answer", reference, idempotencyKey, embedded, request, flash, entered, viewer -> {
            actions.answerDecision(viewer, reference, answer, receivedBy, note);
            return say("complaintfile.decisionAnswer.done." + ("accepted".equals(answer) ? "accepted" : "rejected"));
        });
    }

    @PostMapping("/staff/complaints/{reference}/survey-answers")
    String surveyAnswers(
            @PathVariable String reference,
            @RequestParam(required = false) String handlingScore,
            @RequestParam(required = false) String outcomeScore,
            @RequestParam(required = false) String easeScore,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) String receivedBy,
            @RequestParam(required = false) String idempotencyKey,
            @RequestParam(defaultValue = "false") boolean embedded,
            HttpServletRequest request,
            RedirectAttributes flash) {
        Map<String, String> entered = form(
                "handlingScore",
                handlingScore,
                "outcomeScore",
                outcomeScore,
                "easeScore",
                easeScore,
                "comment",
                comment,
                "receivedBy",
                receivedBy);
        return act("survey-answers", reference, idempotencyKey, embedded, request, flash, entered, viewer -> {
            actions.recordSurveyAnswers(
                    viewer,
                    reference,
                    new SurveyAnswers.Answer(score(handlingScore), score(outcomeScore), score(easeScore), comment),
                    receivedBy);
            return say("complaintfile.surveyAnswers.done");
        });
    }

    /**
     * The one way a form acts: token, signed-in staff member, the action once per key, then back to the file with
     * a notice, or with the refusal in the staff member's language and what they typed.
     */
    private String act(
            String action,
            String reference,
            String key,
            boolean embedded,
            HttpServletRequest request,
            RedirectAttributes flash,
            Map<String, String> entered,
            Function<Viewer, String> work) {
        StaffFormToken.require(request);
        Viewer viewer = visibility.viewer();
        try {
            FileActionKeys.Outcome done = keys.once(
                    viewer.user(), key, action, ComplaintFiles.normalise(reference), () -> work.apply(viewer));
            flash.addFlashAttribute("actionDone", action);
            flash.addFlashAttribute("actionNotice", done.value());
        } catch (InvalidInputException | ResponseStatusException | ComplaintNotFoundException e) {
            flash.addFlashAttribute("actionForm", action);
            flash.addFlashAttribute("actionProblem", say("complaintfile.action.problem", refusal(e, reference)));
            flash.addFlashAttribute("entered", entered);
        }
        return "redirect:"
                + UriComponentsBuilder.fromPath("/staff/complaints/{reference}")
                        .queryParamIfPresent("embedded", embedded ? Optional.of("true") : Optional.empty())
                        .fragment(IN_FILE_ACTIONS.contains(action) ? "file-actions" : "actions")
                        .buildAndExpand(ComplaintFiles.normalise(reference))
                        .encode()
                        .toUriString();
    }

    /**
     * A refusal in the staff member's language: a {@link Refusal}'s code names its message
     * ({@code complaintfile.refusal.<code>}), any other refusal is told by its status, bad input field by field.
     * The API keeps its problem detail as it is.
     */
    private String refusal(RuntimeException e, String reference) {
        String normalised = ComplaintFiles.normalise(reference);
        if (e instanceof InvalidInputException invalid) {
            return translated(invalid);
        }
        if (e instanceof ComplaintNotFoundException) {
            return say("complaintfile.refusal.not-found", normalised);
        }
        ResponseStatusException status = (ResponseStatusException) e;
        String byCode =
                e instanceof Refusal refusal ? find("complaintfile.refusal." + refusal.code(), normalised) : null;
        if (byCode != null) {
            return byCode;
        }
        String byStatus =
                find("complaintfile.refusal.status." + status.getStatusCode().value(), normalised);
        return byStatus != null ? byStatus : status.getReason();
    }

    /** A form without its token, or a reader who is not staff: the staff problem page, in their language. */
    @ExceptionHandler(ResponseStatusException.class)
    String refused(ResponseStatusException e, HttpServletRequest request, Model model, HttpServletResponse response) {
        response.setStatus(e.getStatusCode().value());
        model.addAttribute("status", e.getStatusCode().value());
        model.addAttribute(
                "message",
                StaffFormToken.carriedBy(request) ? refusal(e, "") : say("complaintfile.refusal.form-expired"));
        return "staff/problem";
    }

    /** Each problem in the staff member's language where the bundles have its code, else as the API says it. */
    private String translated(InvalidInputException e) {
        List<String> each = new ArrayList<>();
        for (InvalidInputException.Problem p : e.problems()) {
            if (p.field() == null) {
                each.add(say("complaintfile.refusal.status.400"));
                continue;
            }
            List<Object> args = new ArrayList<>();
            String label = find("complaintfile.action.field." + p.field());
            args.add(label == null ? p.field() : label);
            args.addAll(p.args());
            Object[] values = args.toArray();
            String text = p.code() == null ? find("complaintfile.refusal.field", values) : null;
            if (p.code() != null) {
                text = find("complaintfile.error." + p.code(), values);
                if (text == null) {
                    text = find("error." + p.code(), values);
                }
            }
            each.add(text != null ? text : p.toString());
        }
        return String.join(" ", each);
    }

    /** The message, or null when the bundles do not have it. */
    private String find(String key, Object... args) {
        return messages.getMessage(key, args, null, LocaleContextHolder.getLocale());
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private static Integer score(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Map<String, String> form(String... namesAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }
}
