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
import org.complaints.engine.Refusal;
import org.complaints.engine.authorization.EngineAuthority;
import org.complaints.intake.ComplainantMessages;
import org.complaints.intake.ComplaintNotOpenException;
import org.complaints.intake.SubmissionValidator;
import org.complaints.intake.TextHygiene;
import org.complaints.mail.ComplaintMailer;
import org.complaints.mail.MailOutbox;
import org.complaints.mail.MailTemplates;
import org.complaints.register.AccessMarkings;
import org.complaints.register.Addressee;
import org.complaints.register.AddresseeChanged;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.ComplaintStage;
import org.complaints.register.Contact;
import org.complaints.register.EventLog;
import org.complaints.register.Representative;
import org.complaints.reopening.Duplicates;
import org.complaints.reopening.Reopenings;
import org.complaints.security.StaffGroups;
import org.complaints.survey.SurveyAnswers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every action staff take on a complaint from its file, one section each: write to the complainant, add an internal
 * note, correct the contact data, reopen, link as duplicate, record the answer to the decision and the survey
 * answers received on paper. Each is found and checked the same way ({@link #target}: unknown 404, not the viewer's
 * to see 403), then who may do it (403), whether the complaint's state allows it (409) and the input (400), all
 * as {@link Refusal}s or {@link InvalidInputException}s with codes the page translates; it is recorded in the
 * complaint's event log (its timeline) and the audit log in the transaction that does it (ISO 10002 4.9, 4.12).
 * Domain rules stay with their concern ({@link Reopenings}, {@link Duplicates}, {@link SurveyAnswers}, the
 * complainant's messages); the API ({@link FileActionsController}) and the page ({@link FileActionPages}) only
 * call these methods.
 */
@Service
public class FileActions {

    static final String MESSAGE_TEMPLATE = "staff-message";
    static final int MAX_TEXT = 4000;
    static final int MAX_SUBJECT = 200;
    static final int MAX_REASON = 500;

    private static final Pattern REFERENCE = Pattern.compile("CMP-\\d{4}-\\d{6}");

    private final ComplaintRegister register;
    private final ComplaintVisibility visibility;
    private final ComplaintMailer mailer;
    private final MailOutbox outbox;
    private final EventLog events;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Reopenings reopenings;
    private final Duplicates duplicates;
    private final ComplainantMessages complainantMessages;
    private final SurveyAnswers surveys;
    private final EngineAuthority authority;
    private final ApplicationEventPublisher publisher;
    private final JdbcClient jdbc;
    private final Clock clock;

    FileActions(
            ComplaintRegister register,
            ComplaintVisibility visibility,
            ComplaintMailer mailer,
            MailOutbox outbox,
            EventLog events,
            AuditLog audit,
            MessageSource messages,
            Reopenings reopenings,
            Duplicates duplicates,
            ComplainantMessages complainantMessages,
            SurveyAnswers surveys,
            EngineAuthority authority,
            ApplicationEventPublisher publisher,
            JdbcClient jdbc,
            Clock clock) {
        this.register = register;
        this.visibility = visibility;
        this.mailer = mailer;
        this.outbox = outbox;
        this.events = events;
        this.audit = audit;
        this.messages = messages;
        this.reopenings = reopenings;
        this.duplicates = duplicates;
        this.complainantMessages = complainantMessages;
        this.surveys = surveys;
        this.authority = authority;
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The complaint an action is on, found and checked the one way every action is. */
    record Target(Complaint complaint, AccessMarkings markings) {}

    /** 404 for an unknown reference, 403 for a complaint the viewer may not see. */
    Target target(Viewer viewer, String reference) {
        Complaint complaint = register.getByReference(ComplaintFiles.normalise(reference));
        AccessMarkings markings = register.accessMarkings(complaint.id());
        visibility.require(viewer, markings);
        return new Target(complaint, markings);
    }

    // ---- writing to the complainant, internal notes ----

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
     * A correction of the complainant's contact data: a field left out (null) stays as it is; a blank e-mail,
     * phone, postal address, accessibility need or note removes it; {@code representative} replaces the
     * representative as a whole, {@code removeRepresentative} removes them; {@code reason} is required.
     */
    public record ContactCorrection(
            @Schema(description = "The complainant's name; left out: unchanged", example = "Jan de Vries")
            String name,

            @Schema(
                    description = "The e-mail address; blank removes it, left out: unchanged",
                    example = "jan.devries@example.net")
            String email,

            @Schema(
                    description = "The phone number; blank removes it, left out: unchanged",
                    example = "+31 6 1234 5678")
            String phone,

            @Schema(description = "en, tr, nl or et; left out: unchanged", example = "nl")
            String preferredLanguage,

            @Schema(
                    description = "The postal address, lines separated by line breaks; blank removes it, left out:"
                            + " unchanged",
                    example = "Dorpsstraat 12\n1234 AB Ergens")
            String postalAddress,

            @Schema(
                    description = "How the complainant prefers to be reached: email, post or phone; it needs the"
                            + " matching address or number. Left out: unchanged",
                    example = "post",
                    allowableValues = {"email", "post", "phone"})
            String preferredContact,

            @Schema(
                    description = "large-print, plain-language, interpreter or other; blank removes it, left out:"
                            + " unchanged",
                    example = "large-print")
            String accessibilityNeeds,

            @Schema(
                    description = "What staff should know about those needs; blank removes it, left out: unchanged",
                    example = "16 pt at least")
            String accessibilityNote,

            @Schema(
                    description = "The representative's name: someone who acts for the complainant, to whom every"
                            + " communication goes; blank in every representative field removes them. Left out:"
                            + " unchanged",
                    example = "Piet Jansen")
            String representativeName,

            @Schema(
                    description = "The representative's e-mail address; blank removes it, left out: unchanged",
                    example = "piet.jansen@example.net")
            String representativeEmail,

            @Schema(
                    description = "The representative's phone number; blank removes it, left out: unchanged",
                    example = "+31 6 8765 4321")
            String representativePhone,

            @Schema(
                    description = "The representative's postal address; blank removes it, left out: unchanged",
                    example = "Kerkweg 3\n1234 AC Ergens")
            String representativePostalAddress,

            @Schema(
                    description = "How the representative stands to the complainant; blank removes it, left out:"
                            + " unchanged",
                    example = "son")
            String representativeRelation,

            @Schema(
                    description = "Whether the complainant's consent to being represented is on record (required for"
                            + " a representative); left out: unchanged",
                    example = "true")
            Boolean representativeConsent,

            @Schema(
                    description = "true removes the representative: communications go to the complainant again",
                    example = "false")
            Boolean removeRepresentative,

            @Schema(description = "Why the data are corrected (required)", example = "Typo in the e-mail address")
            String reason) {}

    /** Which fields changed, and what waiting to be delivered now goes to the corrected addressee. */
    public record ContactCorrected(
            @Schema(description = "The complaint's reference", example = "CMP-2026-000042")
            String reference,

            @Schema(description = "The fields that changed; empty when nothing did", example = "[\"email\"]")
            List<String> changed,

            @Schema(description = "E-mails waiting to be sent that now go to the corrected address", example = "1")
            int queuedMailsReaddressed,

            @Schema(
                    description = "Letters waiting in the print queue laid out again for the corrected addressee",
                    example = "0")
            int lettersReproduced,

            @Schema(description = "Calls not yet made that now name the corrected addressee and number", example = "0")
            int callsReaddressed) {}

    /**
     * Queues the message in the complainant's language through the outbox, exactly once per dedup key: the
     * idempotency key when the caller gives one, otherwise a digest of sender, subject and text, so a double
     * submit sends one e-mail. Its Message-ID and subject carry the reference, so a reply by e-mail lands on
     * this complaint.
     */
    @Transactional
    public MessageQueued writeToComplainant(
            Viewer viewer, String reference, MessageRequest request, String idempotencyKey) {
        Target target = target(viewer, reference);
        Complaint complaint = target.complaint();
        if (!viewer.writesToComplainant()) {
            throw Refusal.forbidden(
                    "message-role",
                    "Writing to the complainant is for the handlers and complaint managers who work the complaint.");
        }
        notAnonymised(target);
        if (complaint.isClosed()) {
            throw Refusal.conflict(
                    "message-closed",
                    "Complaint " + complaint.reference() + " is closed: a reply to a message would start a new"
                            + " complaint. Reopen it first, or add an internal note.");
        }
        List<Problem> problems = new ArrayList<>();
        String text = text(problems, "text", "the message", request == null ? null : request.text(), MAX_TEXT, true);
        String subject = text(
                problems, "subject", "the subject", request == null ? null : request.subject(), MAX_SUBJECT, false);
        if (idempotencyKey != null
                && !FileActionKeys.KEY.matcher(idempotencyKey).matches()) {
            problems.add(Problem.of(
                    "Idempotency-Key",
                    "idempotency-key",
                    "1 to 64 letters, digits or . _ : - (e.g. a UUID)",
                    idempotencyKey));
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

    /** A note's text as it is stored: line breaks as "\n", normalised and stripped. */
    static String noteText(NoteRequest request) {
        String value = request == null ? null : request.text();
        return value == null
                ? null
                : TextHygiene.normalize(value.replace("\r\n", "\n")).strip();
    }

    /** An internal note: staff only, in the file and its timeline, never on a page or e-mail of the complainant. */
    @Transactional
    public ComplaintFile.Note addNote(Viewer viewer, String reference, NoteRequest request) {
        Target target = target(viewer, reference);
        Complaint complaint = target.complaint();
        if (!viewer.annotates()) {
            throw Refusal.forbidden("read-only", "Quality managers read complaints; they do not add notes to them.");
        }
        notAnonymised(target);
        List<Problem> problems = new ArrayList<>();
        String text = text(problems, "text", "the note", request == null ? null : request.text(), MAX_TEXT, true);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        events.append(complaint.id(), "NOTE_ADDED", viewer.user(), "Internal note", text);
        return new ComplaintFile.Note(clock.instant(), viewer.user(), text);
    }

    /**
     * Corrects the contact data, checked as the intake checks them (at least one way to reach the complainant, a
     * preferred way that reaches them, a representative with a way to reach them and consent on record), so the
     * register's own checks never have to refuse. The register keeps only the corrected values; the values
     * replaced are kept in the audit log alone (not in the timeline). What waits to be delivered follows the
     * corrected addressee: e-mails in the outbox go to the corrected address (their text stays in the language it
     * was rendered in), waiting letters are laid out again and calls not yet made name the corrected number
     * ({@link AddresseeChanged}). A closed complaint can be corrected too (the complainant's right to
     * rectification does not end with the complaint).
     */
    @Transactional
    public ContactCorrected correctContact(Viewer viewer, String reference, ContactCorrection correction) {
        Target target = target(viewer, reference);
        Complaint complaint = target.complaint();
        if (!viewer.annotates()) {
            throw Refusal.forbidden(
                    "read-only",
                    "Contact data are corrected by the staff who reach the complainant; quality managers read only.");
        }
        notAnonymised(target);
        ContactCorrection c = correction == null
                ? new ContactCorrection(
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)
                : correction;
        Contact before = complaint.contact();
        Representative representativeBefore = complaint.representative();
        String email = corrected(c.email(), before.email());
        String phone = corrected(c.phone(), before.phone());
        String postalAddress = corrected(lines(c.postalAddress()), before.postalAddress());
        String preferred = c.preferredContact() == null
                ? before.preferredContact()
                : c.preferredContact().isBlank()
                        ? Contact.defaultPreferred(email, postalAddress)
                        : c.preferredContact().strip();
        Contact after = new Contact(
                c.name() == null ? before.name() : c.name().strip(),
                email,
                phone,
                c.preferredLanguage() == null
                        ? before.language()
                        : c.preferredLanguage().strip(),
                postalAddress,
                preferred,
                corrected(c.accessibilityNeeds(), before.accessibilityNeeds()),
                corrected(lines(c.accessibilityNote()), before.accessibilityNote()));
        List<Problem> problems = new ArrayList<>(
                SubmissionValidator.contactProblems(after.name(), after.email(), after.phone(), after.language()));
        Representative representative = representativeBefore;
        boolean representativeGiven = c.representativeName() != null
                || c.representativeEmail() != null
                || c.representativePhone() != null
                || c.representativePostalAddress() != null
                || c.representativeRelation() != null
                || c.representativeConsent() != null;
        if (Boolean.TRUE.equals(c.removeRepresentative())) {
            if (representativeGiven) {
                problems.add(Problem.of(
                        "removeRepresentative",
                        "representative-either",
                        "give a representative or remove the one recorded, not both"));
            }
            representative = null;
        } else if (representativeGiven) {
            Representative was = representativeBefore;
            String name = corrected(c.representativeName(), was == null ? null : was.name());
            String repEmail = corrected(c.representativeEmail(), was == null ? null : was.email());
            String repPhone = corrected(c.representativePhone(), was == null ? null : was.phone());
            String repPostal =
                    corrected(lines(c.representativePostalAddress()), was == null ? null : was.postalAddress());
            String relation = corrected(c.representativeRelation(), was == null ? null : was.relation());
            boolean consent = c.representativeConsent() != null
                    ? c.representativeConsent()
                    : was != null && was.consentRecorded();
            // every field of the representative emptied: there is none any more
            representative =
                    name == null && repEmail == null && repPhone == null && repPostal == null && relation == null
                            ? null
                            : new Representative(name, repEmail, repPhone, repPostal, relation, consent);
        }
        problems.addAll(SubmissionValidator.reachProblems(
                after.email(),
                after.phone(),
                after.postalAddress(),
                after.preferredContact(),
                after.accessibilityNeeds(),
                after.accessibilityNote(),
                Objects.equals(representative, representativeBefore) ? null : representative));
        String reason = text(problems, "reason", "the reason for the correction", c.reason(), MAX_REASON, true);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Object> replaced = new LinkedHashMap<>();
        Map<String, Object> correctedValues = new LinkedHashMap<>();
        changed(replaced, correctedValues, "name", before.name(), after.name());
        changed(replaced, correctedValues, "email", before.email(), after.email());
        changed(replaced, correctedValues, "phone", before.phone(), after.phone());
        changed(replaced, correctedValues, "preferredLanguage", before.language(), after.language());
        changed(replaced, correctedValues, "postalAddress", before.postalAddress(), after.postalAddress());
        changed(replaced, correctedValues, "preferredContact", before.preferredContact(), after.preferredContact());
        changed(
                replaced,
                correctedValues,
                "accessibilityNeeds",
                before.accessibilityNeeds(),
                after.accessibilityNeeds());
        changed(replaced, correctedValues, "accessibilityNote", before.accessibilityNote(), after.accessibilityNote());
        if (!Objects.equals(representativeBefore, representative)) {
            replaced.put("representative", representativeBefore);
            correctedValues.put("representative", representative);
        }
        List<String> fields = List.copyOf(correctedValues.keySet());
        if (fields.isEmpty()) {
            // a repeated correction changes nothing and records nothing
            return new ContactCorrected(complaint.reference(), fields, 0, 0, 0);
        }
        register.correctContact(complaint.id(), after, representative);
        Complaint now = register.get(complaint.id());
        Addressee was = complaint.addressee();
        Addressee is = now.addressee();
        int readdressed =
                was.email() != null && is.email() != null && !was.email().equalsIgnoreCase(is.email())
                        ? outbox.readdress(complaint.id(), was.email(), is.email())
                        : 0;
        AddresseeChanged change = new AddresseeChanged(now, was);
        if (!was.equals(is)) {
            publisher.publishEvent(change);
        }
        correctedValues.put("reason", reason);
        audit.append(
                complaint.id(),
                target.markings().processInstanceId(),
                viewer.user(),
                "complaintfile.CONTACT_CORRECTED",
                "complaint-contact",
                replaced,
                correctedValues);
        List<String> followed = new ArrayList<>();
        if (readdressed > 0) {
            followed.add(readdressed + " e-mail(s) waiting to be sent readdressed");
        }
        if (change.lettersReproduced() > 0) {
            followed.add(change.lettersReproduced() + " waiting letter(s) laid out again");
        }
        if (change.callsReaddressed() > 0) {
            followed.add(change.callsReaddressed() + " call(s) not yet made readdressed");
        }
        events.append(
                complaint.id(),
                "CONTACT_CORRECTED",
                viewer.user(),
                "Contact data corrected: " + String.join(", ", fields),
                reason + (followed.isEmpty() ? "" : "\n(" + String.join("; ", followed) + ")"));
        return new ContactCorrected(
                complaint.reference(), fields, readdressed, change.lettersReproduced(), change.callsReaddressed());
    }

    /** A corrected value: left out keeps the value before, blank removes it, anything else is stripped. */
    private static String corrected(String given, String before) {
        if (given == null) {
            return before;
        }
        return given.isBlank() ? null : given.strip();
    }

    /** Lines as the register keeps them: separated by "\n". */
    private static String lines(String text) {
        return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    // ---- reopening and duplicates ----

    /** Reopening undoes a closure: a complaint manager's decision (ISO 10002 4.12 accountability). */
    static boolean mayReopen(Viewer viewer) {
        return viewer.groups().contains(StaffGroups.MANAGERS);
    }

    /** Those who work complaints link duplicates; intake registers them, quality managers only read. */
    static boolean mayLinkDuplicate(Viewer viewer) {
        return viewer.groups().contains(StaffGroups.MANAGERS) || viewer.groups().contains(StaffGroups.HANDLERS);
    }

    /**
     * Reopens a closed complaint ({@link Reopenings}): the register, the event and audit logs, the new process
     * instance and the complainant's e-mail change together or not at all.
     */
    @Transactional
    public Reopenings.Reopened reopen(Viewer viewer, String reference, String reason) {
        if (!mayReopen(viewer)) {
            throw Refusal.forbidden("reopen-role", "Only complaint managers reopen complaints.");
        }
        Target target = target(viewer, reference);
        return reopenings.reopen(target.complaint().id(), viewer.user(), reason);
    }

    /** The duplicate and the complaint it continues under, after the link. */
    public record Linked(
            @Schema(description = "The duplicate's reference", example = "CMP-2026-000043")
            String reference,

            @Schema(description = "The reference the complainant is told to follow", example = "CMP-2026-000042")
            String duplicateOf,

            @Schema(description = "The duplicate's stage now", example = "CLOSED")
            String stage,

            @Schema(description = "The duplicate's closure reason", example = "DUPLICATE")
            String closureReason) {}

    /**
     * Links {@code reference} as a duplicate of {@code otherReference} ({@link Duplicates}). The other complaint is
     * looked up only among the complaints the viewer may see, and one they may not see is answered like one that
     * does not exist (404), so the refusal reveals nothing about it.
     */
    @Transactional
    public Linked linkDuplicate(Viewer viewer, String reference, String otherReference) {
        if (!mayLinkDuplicate(viewer)) {
            throw Refusal.forbidden(
                    "duplicate-role", "Only complaint handlers and complaint managers link duplicates.");
        }
        String own = ComplaintFiles.normalise(reference);
        String other = ComplaintFiles.normalise(otherReference);
        if (!REFERENCE.matcher(other).matches()) {
            throw new InvalidInputException(List.of(Problem.of(
                    "reference",
                    "duplicate-reference",
                    "give the reference of the complaint this one repeats, e.g. CMP-2026-000042")));
        }
        if (other.equals(own)) {
            throw new InvalidInputException(
                    List.of(Problem.of("reference", "duplicate-self", "a complaint cannot be a duplicate of itself")));
        }
        Target duplicate = target(viewer, own);
        ComplaintVisibility.Condition condition = visibility.condition(viewer);
        long originalId = jdbc.sql(
                        "select c.id from cmp_complaint c where c.reference = :otherReference and " + condition.sql())
                .params(condition.params())
                .param("otherReference", other)
                .query(Long.class)
                .optional()
                .orElseThrow(() ->
                        Refusal.notFound("duplicate-unknown", "There is no complaint " + other + " that you can see."));
        duplicates.mark(duplicate.complaint().id(), originalId, viewer.user());
        Complaint closed = register.get(duplicate.complaint().id());
        return new Linked(closed.reference(), other, closed.stage().name(), closed.closureReason());
    }

    // ---- answers the complainant gave by phone, letter or in person ----

    /** Handlers of the complaint's group and complaint managers take down the complainant's answers. */
    private static boolean answersOnBehalf(Viewer viewer, Complaint complaint) {
        return viewer.seesEverything()
                || complaint.handlingGroup() != null && viewer.groups().contains(complaint.handlingGroup());
    }

    /** "accepted" or "rejected", as the API and the page send it; null for anything else. */
    static Boolean accepted(String answer) {
        if ("accepted".equals(answer)) {
            return true;
        }
        return "rejected".equals(answer) ? false : null;
    }

    /**
     * The complainant's answer to the decision as staff take it down (ISO 10002 4.5, 7.9): a complainant who
     * phones, writes or comes in answers as well as one who uses the status page. The process moves on as on the
     * complainant's own answer, and the audit log keeps who took it and how it came in.
     */
    @Transactional
    public void answerDecision(Viewer viewer, String reference, String answer, String receivedBy, String note) {
        Target target = target(viewer, reference);
        Complaint complaint = target.complaint();
        if (!answersOnBehalf(viewer, complaint)) {
            throw Refusal.forbidden(
                    "decision-role",
                    "The decision of " + complaint.reference() + " is answered on the complainant's behalf by the"
                            + " handlers of its group (" + complaint.handlingGroup() + ") or a complaint manager.");
        }
        if (answer != null && accepted(answer) == null) {
            throw new InvalidInputException(List.of(Problem.of(
                    "answer",
                    "not-one-of",
                    "'" + answer + "' is neither accepted nor rejected",
                    answer,
                    "accepted, rejected")));
        }
        try {
            // the answer is the complainant's message to their process, which no staff grant covers; who may
            // record it was checked above
            authority.withoutAuthorization(() -> complainantMessages.answerDecisionOnBehalf(
                    complaint.reference(), accepted(answer), receivedBy, note, viewer.user()));
        } catch (ComplaintNotOpenException e) {
            throw Refusal.conflict("decision-not-waiting", e.getMessage());
        }
        audit.append(
                complaint.id(),
                target.markings().processInstanceId(),
                viewer.user(),
                "complaintfile.DECISION_ANSWERED_ON_BEHALF",
                "complaint:" + complaint.reference(),
                null,
                Map.of("answer", answer, "receivedBy", receivedBy));
    }

    /**
     * Survey answers that came back on paper or by phone (ISO 10002 8.3), recorded by everyone who reaches the
     * complainant ({@link SurveyAnswers#recordReceived}); quality managers, who read the results, do not enter
     * them.
     */
    @Transactional
    public void recordSurveyAnswers(Viewer viewer, String reference, SurveyAnswers.Answer answers, String receivedBy) {
        Target target = target(viewer, reference);
        if (!viewer.annotates()) {
            throw Refusal.forbidden(
                    "read-only",
                    "Survey answers are recorded by the staff who reach complainants; quality managers"
                            + " read the results.");
        }
        notAnonymised(target);
        Complaint complaint = target.complaint();
        surveys.recordReceived(complaint.id(), complaint.reference(), answers, receivedBy, viewer.user());
        audit.append(
                complaint.id(),
                target.markings().processInstanceId(),
                viewer.user(),
                "complaintfile.SURVEY_ANSWERS_RECORDED",
                "complaint:" + complaint.reference(),
                null,
                Map.of("receivedBy", receivedBy));
    }

    // ---- what the file offers ----

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
        if (mayReopen(viewer) && complaint.isClosed()) {
            actions.add(new ComplaintFile.Action("reopening", "POST", base + "/reopening"));
        }
        if (mayLinkDuplicate(viewer) && !complaint.isClosed()) {
            actions.add(new ComplaintFile.Action("duplicate-of", "POST", base + "/duplicate-of"));
        }
        if (answersOnBehalf(viewer, complaint) && complaint.stage() == ComplaintStage.AWAITING_REACTION) {
            actions.add(new ComplaintFile.Action("decision-answer", "POST", base + "/decision-answer"));
        }
        if (viewer.annotates()
                && surveys.ofComplaint(complaint.id())
                        .filter(survey -> "SENT".equals(survey.status()) && survey.answeredAt() == null)
                        .isPresent()) {
            actions.add(new ComplaintFile.Action("survey-answers", "POST", base + "/survey-answers"));
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

    private static void notAnonymised(Target target) {
        if (target.markings().anonymised()) {
            throw Refusal.conflict(
                    "anonymised",
                    "Complaint " + target.complaint().reference()
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
