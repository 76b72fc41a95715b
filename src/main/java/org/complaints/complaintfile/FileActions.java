package org.complaints.complaintfile;

import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.complaints.analysis.EvidenceRecords;
import org.complaints.audit.AuditLog;
import org.complaints.engine.InvalidInputException;
import org.complaints.engine.InvalidInputException.Problem;
import org.complaints.intake.SubmissionValidator;
import org.complaints.intake.TextHygiene;
import org.complaints.mail.ComplaintMailer;
import org.complaints.mail.MailOutbox;
import org.complaints.mail.MailTemplates;
import org.complaints.register.AccessMarkings;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.Contact;
import org.complaints.register.EventLog;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * What staff do on a complaint from its file: write to the complainant, add an internal note, correct the contact
 * data. Each is checked in the same order (unknown 404, not the viewer's to see 403, not the viewer's role 403,
 * not possible in the complaint's state 409, bad input 400) and recorded in the complaint's event log (its
 * timeline) and the audit log in the transaction that does it (ISO 10002 4.9, 4.12).
 */
@Service
public class FileActions {

    static final String MESSAGE_TEMPLATE = "staff-message";
    static final int MAX_TEXT = 4000;
    static final int MAX_SUBJECT = 200;
    static final int MAX_REASON = 500;

    /** The key a client sends to make a repeated request the same message: what a dedup key may hold. */
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final ComplaintRegister register;
    private final ComplaintVisibility visibility;
    private final ComplaintMailer mailer;
    private final MailOutbox outbox;
    private final EventLog events;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    FileActions(
            ComplaintRegister register,
            ComplaintVisibility visibility,
            ComplaintMailer mailer,
            MailOutbox outbox,
            EventLog events,
            AuditLog audit,
            MessageSource messages,
            Clock clock) {
        this.register = register;
        this.visibility = visibility;
        this.mailer = mailer;
        this.outbox = outbox;
        this.events = events;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** A free-text message to the complainant; {@code subject} is optional. */
    public record MessageRequest(
            @Schema(
                    description = "Optional; without it a subject in the complainant's language",
                    example = "Your meter")
            String subject,

            @Schema(
                    description = "The message, up to 4000 characters; the e-mail adds greeting, reply hint,"
                            + " status link and signature",
                    example = "Could you send us a photo of the meter showing its reading?")
            String text) {}

    /**
     * The message as queued: {@code queuedNow} is false when the same message (same idempotency key, or without
     * one the same sender, subject and text) was queued before and nothing new was sent.
     */
    public record MessageQueued(
            @Schema(description = "The complaint's reference", example = "CMP-2026-000042")
            String reference,

            @Schema(
                    description = "The Message-ID the e-mail goes out with",
                    example = "<cmp-2026-000042.staff-message.1@complaints.example.org>")
            String messageId,

            @Schema(description = "The language of the frame around the text (the complainant's)", example = "nl")
            String language,

            @Schema(
                    description = "false when the same message was queued before and nothing new was queued",
                    example = "true")
            boolean queuedNow) {}

    public record NoteRequest(
            @Schema(
                    description = "The note, up to 4000 characters; staff only",
                    example = "Called the complainant: the meter was replaced in May.")
            String text) {}

    /**
     * A correction of the complainant's contact data: a field left out (null) stays as it is, a blank phone
     * removes it; {@code reason} is required. More fields of the contact data are added here as they come.
     */
    public record ContactCorrection(
            @Schema(description = "The complainant's name; left out: unchanged", example = "Jan de Vries")
            String name,

            @Schema(description = "The e-mail address; left out: unchanged", example = "jan.devries@example.net")
            String email,

            @Schema(
                    description = "The phone number; blank removes it, left out: unchanged",
                    example = "+31 6 1234 5678")
            String phone,

            @Schema(description = "en, tr, nl or et; left out: unchanged", example = "nl")
            String preferredLanguage,

            @Schema(description = "Why the data are corrected (required)", example = "Typo in the e-mail address")
            String reason) {}

    /** Which fields changed, and how many e-mails waiting to be sent now go to the corrected address. */
    public record ContactCorrected(
            @Schema(description = "The complaint's reference", example = "CMP-2026-000042")
            String reference,

            @Schema(description = "The fields that changed; empty when nothing did", example = "[\"email\"]")
            List<String> changed,

            @Schema(description = "E-mails waiting to be sent that now go to the corrected address", example = "1")
            int queuedMailsReaddressed) {}

    /**
     * Queues the message in the complainant's language through the outbox, exactly once per dedup key: the
     * idempotency key when the caller gives one, otherwise a digest of sender, subject and text, so a double
     * submit sends one e-mail. Its Message-ID and subject carry the reference, so a reply by e-mail lands on
     * this complaint.
     */
    @Transactional
    public MessageQueued writeToComplainant(
            Viewer viewer, String reference, MessageRequest request, String idempotencyKey) {
        Complaint complaint = register.getByReference(ComplaintFiles.normalise(reference));
        AccessMarkings markings = require(viewer, complaint);
        if (!viewer.writesToComplainant()) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN,
                    "Writing to the complainant is for the handlers and complaint managers who work the complaint.");
        }
        notAnonymised(complaint, markings);
        if (complaint.isClosed()) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "Complaint " + complaint.reference() + " is closed: a reply to a message would start a new"
                            + " complaint. Reopen it first, or add an internal note.");
        }
        List<Problem> problems = new ArrayList<>();
        String text = text(problems, "text", "the message", request == null ? null : request.text(), MAX_TEXT, true);
        String subject = text(
                problems, "subject", "the subject", request == null ? null : request.subject(), MAX_SUBJECT, false);
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            problems.add(Problem.of(
                    "Idempotency-Key", null, "1 to 64 letters, digits or . _ : - (e.g. a UUID)", idempotencyKey));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String dedupKey = "staff-message-"
                + (idempotencyKey != null
                        ? idempotencyKey
                        : digest(viewer.user() + "\n" + Objects.toString(subject, "") + "\n" + text));
        String language = complaint.language();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("text", text);
        model.put(
                "subjectText",
                subject != null
                        ? subject
                        : messages.getMessage(
                                "mail.staff-message.default-subject", null, MailTemplates.locale(language)));
        boolean queuedNow = mailer.queueToComplainant(complaint, MESSAGE_TEMPLATE, dedupKey, model);
        if (queuedNow) {
            events.append(
                    complaint.id(),
                    "MESSAGE_TO_COMPLAINANT",
                    viewer.user(),
                    "Message written to the complainant (" + language + ")",
                    (subject == null ? "" : subject + "\n\n") + text);
        }
        String messageId = outbox.find(complaint.reference(), dedupKey)
                .map(entry -> entry.mail().messageId())
                .orElse(null);
        return new MessageQueued(complaint.reference(), messageId, language, queuedNow);
    }

    /** An internal note: staff only, in the file and its timeline, never on a page or e-mail of the complainant. */
    @Transactional
    public ComplaintFile.Note addNote(Viewer viewer, String reference, NoteRequest request) {
        Complaint complaint = register.getByReference(ComplaintFiles.normalise(reference));
        AccessMarkings markings = require(viewer, complaint);
        if (!viewer.annotates()) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "Quality managers read complaints; they do not add notes to them.");
        }
        notAnonymised(complaint, markings);
        List<Problem> problems = new ArrayList<>();
        String text = text(problems, "text", "the note", request == null ? null : request.text(), MAX_TEXT, true);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        events.append(complaint.id(), "NOTE_ADDED", viewer.user(), "Internal note", text);
        return new ComplaintFile.Note(clock.instant(), viewer.user(), text);
    }

    /**
     * Corrects name, e-mail, phone or language, checked as the public form checks them. The register keeps only
     * the corrected values; the values replaced are kept in the audit log alone (not in the timeline). E-mails
     * waiting in the outbox go to the corrected address; their text was rendered when their step ran and stays in
     * the language it was rendered in, every later e-mail is in the corrected language. A closed complaint can
     * be corrected too (the complainant's right to rectification does not end with the complaint).
     */
    @Transactional
    public ContactCorrected correctContact(Viewer viewer, String reference, ContactCorrection correction) {
        Complaint complaint = register.getByReference(ComplaintFiles.normalise(reference));
        AccessMarkings markings = require(viewer, complaint);
        if (!viewer.annotates()) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN,
                    "Contact data are corrected by the staff who reach the complainant; quality managers read only.");
        }
        notAnonymised(complaint, markings);
        ContactCorrection c = correction == null ? new ContactCorrection(null, null, null, null, null) : correction;
        Contact before = complaint.contact();
        Contact after = new Contact(
                c.name() == null ? before.name() : c.name().strip(),
                c.email() == null
                        ? before.email()
                        : c.email().isBlank() ? null : c.email().strip(),
                c.phone() == null
                        ? before.phone()
                        : c.phone().isBlank() ? null : c.phone().strip(),
                c.preferredLanguage() == null
                        ? before.language()
                        : c.preferredLanguage().strip(),
                before.postalAddress(),
                before.preferredContact(),
                before.accessibilityNeeds(),
                before.accessibilityNote());
        List<Problem> problems = new ArrayList<>(
                SubmissionValidator.contactProblems(after.name(), after.email(), after.phone(), after.language()));
        if (!present(after.email()) && !present(after.phone()) && !present(after.postalAddress())) {
            problems.add(Problem.of(
                    "email",
                    "no-contact",
                    "give at least one way to reach the complainant: e-mail address, postal address or phone number"));
        } else if (Contact.EMAIL.equals(after.preferredContact()) && !present(after.email())) {
            problems.add(Problem.of(
                    "email",
                    "preferred-unreachable-email",
                    "the preferred way of contact 'email' needs an e-mail address"));
        } else if (Contact.PHONE.equals(after.preferredContact()) && !present(after.phone())) {
            problems.add(Problem.of(
                    "phone",
                    "preferred-unreachable-phone",
                    "the preferred way of contact 'phone' needs a phone number"));
        }
        String reason = text(problems, "reason", "the reason for the correction", c.reason(), MAX_REASON, true);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Object> replaced = new LinkedHashMap<>();
        Map<String, Object> corrected = new LinkedHashMap<>();
        changed(replaced, corrected, "name", before.name(), after.name());
        changed(replaced, corrected, "email", before.email(), after.email());
        changed(replaced, corrected, "phone", before.phone(), after.phone());
        changed(replaced, corrected, "preferredLanguage", before.language(), after.language());
        List<String> fields = List.copyOf(corrected.keySet());
        if (fields.isEmpty()) {
            // a repeated correction changes nothing and records nothing
            return new ContactCorrected(complaint.reference(), fields, 0);
        }
        register.correctContact(complaint.id(), after);
        int readdressed =
                fields.contains("email") ? outbox.readdress(complaint.id(), before.email(), after.email()) : 0;
        corrected.put("reason", reason);
        audit.append(
                complaint.id(),
                markings.processInstanceId(),
                viewer.user(),
                "complaintfile.CONTACT_CORRECTED",
                "complaint-contact",
                replaced,
                corrected);
        events.append(
                complaint.id(),
                "CONTACT_CORRECTED",
                viewer.user(),
                "Contact data corrected: " + String.join(", ", fields),
                reason + (readdressed == 0 ? "" : "\n(" + readdressed + " e-mail(s) waiting to be sent readdressed)"));
        return new ContactCorrected(complaint.reference(), fields, readdressed);
    }

    /** What the viewer can do on this complaint now, as the file lists it; nothing on an anonymised complaint. */
    List<ComplaintFile.Action> available(Viewer viewer, Complaint complaint, AccessMarkings markings) {
        if (markings.anonymised()) {
            return List.of();
        }
        String base = "/api/staff/complaints/" + complaint.reference();
        List<ComplaintFile.Action> actions = new ArrayList<>();
        if (viewer.writesToComplainant() && !complaint.isClosed()) {
            actions.add(new ComplaintFile.Action("message", "POST", base + "/messages"));
        }
        if (viewer.annotates()) {
            actions.add(new ComplaintFile.Action("note", "POST", base + "/notes"));
            actions.add(new ComplaintFile.Action("contact", "PATCH", base + "/contact"));
        }
        ComplaintFileActions.Allowed allowed = ComplaintFileActions.allowed(viewer);
        if (allowed.reopen() && complaint.isClosed()) {
            actions.add(new ComplaintFile.Action("reopening", "POST", base + "/reopening"));
        }
        if (allowed.linkDuplicate() && !complaint.isClosed()) {
            actions.add(new ComplaintFile.Action("duplicate-of", "POST", base + "/duplicate-of"));
        }
        return actions;
    }

    /** The internal notes of a complaint, oldest first, as its event log keeps them. */
    static List<ComplaintFile.Note> notes(EvidenceRecords.EvidenceRecord record) {
        return record.timeline().stream()
                .map(EvidenceRecords.Step::event)
                .filter(event -> "NOTE_ADDED".equals(event.type()))
                .map(event -> new ComplaintFile.Note(event.occurredAt(), event.actor(), event.detail()))
                .toList();
    }

    private AccessMarkings require(Viewer viewer, Complaint complaint) {
        AccessMarkings markings = register.accessMarkings(complaint.id());
        visibility.require(viewer, markings);
        return markings;
    }

    private static void notAnonymised(Complaint complaint, AccessMarkings markings) {
        if (markings.anonymised()) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "Complaint " + complaint.reference()
                            + " was anonymised: its complainant's data are gone and nothing can be added.");
        }
    }

    private static void changed(
            Map<String, Object> replaced, Map<String, Object> corrected, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            replaced.put(field, before);
            corrected.put(field, after);
        }
    }

    /** A checked text: stripped, null when blank and optional; problems named by field. */
    private static String text(
            List<Problem> problems, String field, String label, String value, int max, boolean required) {
        String stripped = value == null
                ? null
                : TextHygiene.normalize(value.replace("\r\n", "\n")).strip();
        boolean multiLine = !"subject".equals(field);
        if (stripped == null || stripped.isEmpty()) {
            if (required) {
                problems.add(Problem.of(field, "required", label + " is required"));
            }
            return null;
        }
        if (!TextHygiene.isClean(stripped, multiLine)) {
            problems.add(Problem.of(
                    field,
                    "invalid-characters",
                    label + " contains control or text-direction characters"
                            + (multiLine ? "" : " (a single line may not contain line breaks)")));
        } else if (stripped.length() > max) {
            problems.add(Problem.of(
                    field,
                    "too-long",
                    label + " may have at most " + max + " characters (has " + stripped.length() + ")",
                    max,
                    stripped.length()));
        }
        return stripped;
    }

    private static String digest(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
