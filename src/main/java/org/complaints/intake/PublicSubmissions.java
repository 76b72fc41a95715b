package org.complaints.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.complaints.engine.InvalidInputException;
import org.complaints.engine.InvalidInputException.Problem;
import org.complaints.register.AttachmentRegister;
import org.complaints.register.Channels;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Complaints from the public web form and the JSON API: consent, attachments, the honeypot and idempotent
 * retries, then the intake. A complaint is reported back only once it is committed.
 */
@Service
public class PublicSubmissions {

    private final IntakeService intake;
    private final SubmissionValidator validator;
    private final AttachmentPolicy attachmentPolicy;
    private final IdempotencyRegister idempotency;
    private final ComplaintRegister register;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public PublicSubmissions(
            IntakeService intake,
            SubmissionValidator validator,
            AttachmentPolicy attachmentPolicy,
            IdempotencyRegister idempotency,
            ComplaintRegister register,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.intake = intake;
        this.validator = validator;
        this.attachmentPolicy = attachmentPolicy;
        this.idempotency = idempotency;
        this.register = register;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * @param complaint the complaint, or empty when the honeypot caught a bot (answered as if accepted)
     * @param replayed  true when an earlier request with the same idempotency key created it
     */
    public record Result(Optional<Complaint> complaint, boolean replayed) {}

    /**
     * @param channel {@link Channels#WEB} for the form, {@link Channels#API} for the JSON API: told apart in the
     *                register, the reports and the metrics
     */
    public Result submit(
            ComplaintRequest request, List<AttachmentPolicy.Upload> uploads, String idempotencyKey, String channel) {
        if (!channel.equals(Channels.WEB) && !channel.equals(Channels.API)) {
            throw new IllegalArgumentException("Not a public channel: " + channel);
        }
        if (request.website() != null && !request.website().isBlank()) {
            return new Result(Optional.empty(), false);
        }
        ComplaintSubmission submission = toSubmission(request, channel);
        List<Attachment> attachments = attachmentPolicy.check(uploads);
        if (idempotencyKey == null) {
            return new Result(Optional.of(transaction.execute(tx -> intake.file(submission, attachments))), false);
        }
        checkKey(idempotencyKey);
        String hash = requestHash(request, attachments);
        Optional<Result> earlier = replay(idempotencyKey, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return new Result(
                    Optional.of(transaction.execute(tx -> {
                        Complaint complaint = intake.file(submission, attachments);
                        idempotency.record(idempotencyKey, hash, complaint.id(), clock.instant());
                        return complaint;
                    })),
                    false);
        } catch (DuplicateKeyException concurrentRetry) {
            // the same request arrived twice at once: the first one's complaint stands
            return replay(idempotencyKey, hash).orElseThrow(() -> concurrentRetry);
        }
    }

    private Optional<Result> replay(String key, String hash) {
        return idempotency.find(key).map(entry -> {
            if (!entry.requestHash().equals(hash)) {
                throw new IdempotencyKeyReusedException(key);
            }
            return new Result(Optional.of(register.get(entry.complaintId())), true);
        });
    }

    private ComplaintSubmission toSubmission(ComplaintRequest r, String channel) {
        List<Problem> problems = new ArrayList<>();
        if (!Boolean.TRUE.equals(r.consent())) {
            problems.add(Problem.of(
                    "consent",
                    "consent-required",
                    "your consent to the processing of your data for handling the complaint is required"));
        }
        LocalDate incidentDate = null;
        if (r.incidentDate() != null && !r.incidentDate().isBlank()) {
            try {
                incidentDate = LocalDate.parse(r.incidentDate().strip());
            } catch (DateTimeParseException e) {
                problems.add(Problem.of(
                        "incidentDate",
                        "not-a-date",
                        "'" + r.incidentDate() + "' is not a date (YYYY-MM-DD)",
                        r.incidentDate()));
            }
        }
        ComplaintSubmission submission = new ComplaintSubmission(
                channel,
                null,
                r.name(),
                blankToNull(r.email()),
                blankToNull(r.phone()),
                r.language(),
                r.productOrService(),
                r.description(),
                incidentDate,
                blankToNull(r.remedySought()),
                null,
                null,
                null,
                blankToNull(r.category()),
                false,
                blankToNull(r.postalAddress()),
                blankToNull(r.preferredContact()),
                blankToNull(r.accessibilityNeeds()),
                blankToNull(r.accessibilityNote()),
                blankToNull(r.representativeName()),
                blankToNull(r.representativeEmail()),
                blankToNull(r.representativePhone()),
                blankToNull(r.representativePostalAddress()),
                blankToNull(r.representativeRelation()),
                r.representativeConsent());
        if (!problems.isEmpty()) {
            try {
                validator.validate(submission);
            } catch (InvalidInputException more) {
                problems.addAll(more.problems());
            }
            throw new InvalidInputException(problems);
        }
        return submission;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static void checkKey(String key) {
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new InvalidInputException(List.of(Problem.of(
                    "Idempotency-Key",
                    "idempotency-key",
                    "must be 1 to 200 printable ASCII characters without spaces")));
        }
    }

    private static String requestHash(ComplaintRequest r, List<Attachment> attachments) {
        StringBuilder canonical = new StringBuilder();
        for (Object field : new Object[] {
            r.name(),
            r.email(),
            r.phone(),
            r.language(),
            r.productOrService(),
            r.description(),
            r.incidentDate(),
            r.remedySought(),
            r.consent()
        }) {
            canonical.append(field == null ? "\u0000" : field.toString()).append('\u001F');
        }
        // the contact fields added later count only when given, so a request without them hashes as it always did
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("postalAddress", r.postalAddress());
        contact.put("preferredContact", r.preferredContact());
        contact.put("accessibilityNeeds", r.accessibilityNeeds());
        contact.put("accessibilityNote", r.accessibilityNote());
        contact.put("representativeName", r.representativeName());
        contact.put("representativeEmail", r.representativeEmail());
        contact.put("representativePhone", r.representativePhone());
        contact.put("representativePostalAddress", r.representativePostalAddress());
        contact.put("representativeRelation", r.representativeRelation());
        contact.put("representativeConsent", r.representativeConsent());
        contact.forEach((name, value) -> {
            if (value != null) {
                canonical.append(name).append('=').append(value).append('\u001F');
            }
        });
        attachments.forEach(a -> canonical
                .append(a.fileName())
                .append('\u001F')
                .append(AttachmentRegister.sha256(a.content()))
                .append('\u001F'));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
