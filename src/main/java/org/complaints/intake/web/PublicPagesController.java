package org.complaints.intake.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.complaints.assessment.Classification;
import org.complaints.deadlines.DeadlineProperties;
import org.complaints.engine.InvalidInputException;
import org.complaints.intake.AttachmentPolicy;
import org.complaints.intake.AttachmentsTooLargeException;
import org.complaints.intake.ComplainantMessages;
import org.complaints.intake.ComplaintNotOpenException;
import org.complaints.intake.ComplaintRequest;
import org.complaints.intake.DecisionAlreadyAnsweredException;
import org.complaints.intake.IntakeProperties;
import org.complaints.intake.PendingMessageDelivery.Delivery;
import org.complaints.intake.PublicFieldProblems;
import org.complaints.intake.PublicSubmissions;
import org.complaints.intake.SubmissionRateLimiter;
import org.complaints.intake.TooManySubmissionsException;
import org.complaints.intake.Uploads;
import org.complaints.register.Channels;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintNotFoundException;
import org.complaints.response.RecourseProperties;
import org.complaints.tracking.ComplaintStatusService;
import org.complaints.tracking.OwnComplaint;
import org.complaints.tracking.OwnComplaints;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;

/**
 * The complainant's pages, no account needed (ISO 10002 4.4, 4.5, 7.1, 7.3): the complaint form with the
 * process explained, and the status page reached with the reference and the tracking token, from which the
 * complainant answers the decision, adds information or withdraws.
 */
@Controller
class PublicPagesController {

    private final PublicSubmissions submissions;
    private final SubmissionRateLimiter rateLimiter;
    private final ComplaintStatusService statuses;
    private final ComplainantMessages messages;
    private final PublishedTimeLimits timeLimits;
    private final RecourseProperties recourse;
    private final IntakeProperties intake;
    private final MessageSource bundle;
    private final DeadlineProperties deadlines;
    private final DraftAttachments drafts;
    private final OwnComplaints ownComplaints;

    /** The session attribute that lets the confirmation page be shown again, e.g. in another language. */
    static final String SUBMITTED = PublicPagesController.class.getName() + ".submitted";

    /** The complaint this browser session just filed: its reference and the path of its status page. */
    record Submitted(String reference, String statusPath) implements java.io.Serializable {}

    PublicPagesController(
            PublicSubmissions submissions,
            SubmissionRateLimiter rateLimiter,
            ComplaintStatusService statuses,
            ComplainantMessages messages,
            PublishedTimeLimits timeLimits,
            RecourseProperties recourse,
            IntakeProperties intake,
            MessageSource bundle,
            DeadlineProperties deadlines,
            DraftAttachments drafts,
            OwnComplaints ownComplaints) {
        this.deadlines = deadlines;
        this.drafts = drafts;
        this.ownComplaints = ownComplaints;
        this.submissions = submissions;
        this.rateLimiter = rateLimiter;
        this.statuses = statuses;
        this.messages = messages;
        this.timeLimits = timeLimits;
        this.recourse = recourse;
        this.intake = intake;
        this.bundle = bundle;
    }

    @ModelAttribute
    void common(Model model, HttpServletRequest request) {
        model.addAttribute("lang", LocaleContextHolder.getLocale().getLanguage());
        model.addAttribute("languageLinks", languageLinks(request));
        model.addAttribute("recourse", recourse);
        model.addAttribute("zone", deadlines.zone());
    }

    /** This page in each language; a form post's page links to the page it came from, keeping the token. */
    private static Map<String, String> languageLinks(HttpServletRequest request) {
        boolean get = "GET".equals(request.getMethod());
        String path = get
                ? request.getRequestURI()
                : request.getRequestURI()
                        .replaceAll("/(decision-response|messages|withdrawal|external-referral)$", "")
                        .replaceAll("^/complaints$", "/");
        return languageLinks(path, request.getParameter("token"));
    }

    private static Map<String, String> languageLinks(String path, String token) {
        Map<String, String> links = new java.util.LinkedHashMap<>();
        for (String language : List.of("en", "tr", "nl", "et")) {
            links.put(
                    language,
                    path + "?" + (token == null ? "" : "token=" + UriUtils.encodeQueryParam(token, "UTF-8") + "&")
                            + "lang=" + language);
        }
        return links;
    }

    @GetMapping("/")
    String form(Model model) {
        return showForm(
                model,
                new ComplaintRequest(
                        null,
                        null,
                        null,
                        LocaleContextHolder.getLocale().getLanguage(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                Map.of());
    }

    @PostMapping("/complaints")
    String submit(
            @ModelAttribute ComplaintRequest form,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
            @RequestParam(name = "removeAttachment", required = false) List<String> removed,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        HttpSession existing = request.getSession(false);
        List<DraftAttachments.Kept> earlier = drafts.take(
                existing == null ? null : existing.getId(), new HashSet<>(removed == null ? List.of() : removed));
        List<AttachmentPolicy.Upload> uploads = Uploads.of(files);
        List<AttachmentPolicy.Upload> all = new ArrayList<>();
        earlier.forEach(k -> all.add(new AttachmentPolicy.Upload(k.fileName(), k.content())));
        all.addAll(uploads);
        try {
            rateLimiter.acquire(request.getRemoteAddr());
            PublicSubmissions.Result result = submissions.submit(form, all, null, Channels.WEB);
            model.addAttribute("complaint", result.complaint().orElse(null));
            result.complaint().ifPresent(c -> {
                model.addAttribute("statusPath", statusPath(c));
                // the language links show this confirmation again from the session, not an empty form
                request.getSession(true).setAttribute(SUBMITTED, new Submitted(c.reference(), statusPath(c)));
                model.addAttribute("languageLinks", languageLinks("/complaints/submitted", null));
            });
            return "public/submitted";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            keepDraft(request, earlier, uploads, model);
            return showForm(model, form, fieldErrors(e));
        } catch (AttachmentsTooLargeException e) {
            response.setStatus(413);
            keepDraft(request, earlier, uploads, model);
            return showForm(model, form, Map.of("attachments", text("problem.too-large.detail")));
        } catch (TooManySubmissionsException e) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
            keepDraft(request, earlier, uploads, model);
            return showForm(model, form, Map.of("", text("problem.too-many.detail")));
        }
    }

    /** The chosen files, kept for the re-shown form; those that could not be kept are named to choose again. */
    private void keepDraft(
            HttpServletRequest request,
            List<DraftAttachments.Kept> earlier,
            List<AttachmentPolicy.Upload> uploads,
            Model model) {
        if (earlier.isEmpty() && uploads.isEmpty()) {
            return;
        }
        DraftAttachments.Outcome outcome = drafts.keep(request.getSession(true).getId(), earlier, uploads);
        model.addAttribute("keptAttachments", outcome.kept());
        model.addAttribute("notKeptAttachments", outcome.notKept());
    }

    /** The confirmation again (another language, a reload), for the browser session that filed the complaint. */
    @GetMapping("/complaints/submitted")
    String submitted(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SUBMITTED) instanceof Submitted submitted)) {
            return "redirect:/";
        }
        model.addAttribute("complaint", submitted);
        model.addAttribute("statusPath", submitted.statusPath());
        return "public/submitted";
    }

    private String showForm(Model model, ComplaintRequest form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", Classification.CATEGORIES);
        model.addAttribute("limits", timeLimits.current());
        model.addAttribute("maxAttachments", intake.maxAttachments());
        model.addAttribute("maxAttachmentMegabytes", intake.maxAttachmentBytes().toMegabytes());
        if (!model.containsAttribute("keptAttachments")) {
            model.addAttribute("keptAttachments", List.of());
            model.addAttribute("notKeptAttachments", List.of());
        }
        return "public/complaint-form";
    }

    @GetMapping("/complaints/{reference}")
    String status(
            @PathVariable String reference,
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String done,
            Model model) {
        Complaint complaint = statuses.open(reference, token);
        return showStatus(model, complaint, token, done, Map.of());
    }

    @PostMapping("/complaints/{reference}/decision-response")
    String respond(
            @PathVariable String reference,
            @RequestParam(required = false) String token,
            @RequestParam(required = false) Boolean accepted,
            @RequestParam(required = false) String comment,
            HttpServletResponse response,
            Model model) {
        Complaint complaint = statuses.open(reference, token);
        try {
            if (accepted == null) {
                return showStatus(model, complaint, token, null, Map.of("accepted", text("error.required-boolean")));
            }
            if (accepted) {
                messages.acceptDecision(complaint.reference(), comment);
            } else {
                messages.rejectDecision(complaint.reference(), comment);
            }
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return showStatus(model, complaint, token, null, fieldErrors(e));
        }
        return redirectToStatus(complaint, accepted ? "accepted" : "rejected");
    }

    @PostMapping("/complaints/{reference}/external-referral")
    String answerExternalReferral(
            @PathVariable String reference,
            @RequestParam(required = false) String token,
            @RequestParam(required = false) Boolean referring,
            @RequestParam(required = false) String comment,
            HttpServletResponse response,
            Model model) {
        Complaint complaint = statuses.open(reference, token);
        try {
            if (referring == null) {
                return showStatus(model, complaint, token, null, Map.of("referring", text("error.required-boolean")));
            }
            messages.answerExternalReferral(complaint.reference(), referring, comment);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return showStatus(model, complaint, token, null, fieldErrors(e));
        }
        return redirectToStatus(complaint, referring ? "referring" : "not-referring");
    }

    @PostMapping("/complaints/{reference}/messages")
    String addInformation(
            @PathVariable String reference,
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String text,
            HttpServletResponse response,
            Model model) {
        Complaint complaint = statuses.open(reference, token);
        try {
            // kept in the register either way; the process takes it now or as soon as it can
            messages.addInformation(complaint.reference(), text, Channels.WEB);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return showStatus(model, complaint, token, null, fieldErrors(e));
        }
        return redirectToStatus(complaint, "information-added");
    }

    /**
     * Withdrawing closes the complaint for good, so the status page's button leads to a confirmation first; only
     * the confirmation's own button ({@code confirmed=true}) withdraws. Works without JavaScript.
     */
    @PostMapping("/complaints/{reference}/withdrawal")
    String withdraw(
            @PathVariable String reference,
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Boolean confirmed,
            HttpServletResponse response,
            Model model) {
        Complaint complaint = statuses.open(reference, token);
        if (!Boolean.TRUE.equals(confirmed)) {
            if (complaint.isClosed()) {
                throw new ComplaintNotOpenException("Complaint " + complaint.reference() + " is closed", false);
            }
            model.addAttribute("reference", complaint.reference());
            model.addAttribute("token", token);
            model.addAttribute("reason", reason);
            model.addAttribute("statusPath", statusPath(complaint));
            return "public/withdraw-confirm";
        }
        Delivery delivery;
        try {
            delivery = messages.withdraw(complaint.reference(), reason);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return showStatus(model, complaint, token, null, fieldErrors(e));
        }
        return redirectToStatus(complaint, delivery == Delivery.DELIVERED ? "withdrawn" : "withdrawal-received");
    }

    /** One of the complainant's own files, as a download (never shown inline), with the valid token only. */
    @GetMapping("/complaints/{reference}/attachments/{id}")
    ResponseEntity<byte[]> attachment(
            @PathVariable String reference, @PathVariable long id, @RequestParam(required = false) String token) {
        Complaint complaint = statuses.open(reference, token);
        OwnComplaint.Content file = ownComplaints
                .attachment(complaint, id)
                .orElseThrow(() -> new ComplaintNotFoundException("attachment " + id + " of this complaint"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.bytes());
    }

    private String showStatus(Model model, Complaint complaint, String token, String done, Map<String, String> errors) {
        model.addAttribute("status", statuses.status(complaint));
        model.addAttribute("own", ownComplaints.of(complaint));
        model.addAttribute("token", token);
        model.addAttribute("done", done);
        model.addAttribute("errors", errors);
        model.addAttribute("statusPath", statusPath(complaint));
        return "public/status";
    }

    @ExceptionHandler(ComplaintNotFoundException.class)
    String notFound(HttpServletResponse response, Model model, HttpServletRequest request) {
        common(model, request);
        response.setStatus(404);
        return "public/not-found";
    }

    @ExceptionHandler(ComplaintNotOpenException.class)
    String notOpen(ComplaintNotOpenException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        common(model, request);
        response.setStatus(409);
        if (e.retryable()) {
            response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        model.addAttribute("retryable", e.retryable());
        model.addAttribute("answered", e instanceof DecisionAlreadyAnsweredException);
        model.addAttribute(
                "backPath",
                request.getRequestURI().replaceAll("/(decision-response|messages|withdrawal)$", "") + "?token="
                        + UriUtils.encodeQueryParam(String.valueOf(request.getParameter("token")), "UTF-8"));
        return "public/not-possible";
    }

    private String redirectToStatus(Complaint complaint, String done) {
        return "redirect:" + statusPath(complaint) + "&done=" + done;
    }

    private static String statusPath(Complaint complaint) {
        return "/complaints/" + complaint.reference() + "?token="
                + UriUtils.encodeQueryParam(complaint.trackingToken(), "UTF-8");
    }

    private Map<String, String> fieldErrors(InvalidInputException e) {
        Locale locale = LocaleContextHolder.getLocale();
        return PublicFieldProblems.of(e, bundle, locale).stream()
                .collect(Collectors.toMap(
                        p -> p.field() == null ? "" : p.field(),
                        p -> p.message(),
                        (a, b) -> a + " " + b,
                        java.util.LinkedHashMap::new));
    }

    private String text(String key) {
        return bundle.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
