package org.complaints.intake.email;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.complaints.engine.InvalidInputException;
import org.complaints.intake.Attachment;
import org.complaints.intake.AttachmentPolicy;
import org.complaints.intake.AttachmentsTooLargeException;
import org.complaints.intake.ComplainantMessages;
import org.complaints.intake.ComplaintSubmission;
import org.complaints.intake.IntakeService;
import org.complaints.intake.TextHygiene;
import org.complaints.register.AttachmentRegister;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a message of the complaints mailbox into a complaint (channel {@code email}), or into information
 * added to the open complaint its subject or In-Reply-To names when it comes from that complaint's
 * complainant. Each Message-ID is taken in once, in the same transaction as its effect.
 */
@Service
public class InboundMailIntake {

    private static final Pattern REFERENCE = Pattern.compile("CMP-\\d{4}-\\d{6}");

    private final IntakeService intake;
    private final ComplainantMessages messages;
    private final ComplaintRegister register;
    private final AttachmentRegister attachments;
    private final AttachmentPolicy attachmentPolicy;
    private final EventLog events;
    private final JdbcClient jdbc;
    private final MailboxProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public InboundMailIntake(
            IntakeService intake,
            ComplainantMessages messages,
            ComplaintRegister register,
            AttachmentRegister attachments,
            AttachmentPolicy attachmentPolicy,
            EventLog events,
            JdbcClient jdbc,
            MailboxProperties properties,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.intake = intake;
        this.messages = messages;
        this.register = register;
        this.attachments = attachments;
        this.attachmentPolicy = attachmentPolicy;
        this.events = events;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    public enum Outcome {
        NEW_COMPLAINT,
        ADDED_TO_COMPLAINT,
        DUPLICATE,
        REJECTED
    }

    public record Result(Outcome outcome, Optional<Complaint> complaint) {}

    public Result take(InboundMail mail) {
        try {
            return transaction.execute(tx -> {
                jdbc.sql("insert into cmp_inbound_mail (message_id, received_at, outcome) values (?, ?, 'PENDING')")
                        .params(mail.messageId(), clock.instant().atOffset(java.time.ZoneOffset.UTC))
                        .update();
                Result result = process(mail);
                jdbc.sql("update cmp_inbound_mail set outcome = ?, complaint_id = ? where message_id = ?")
                        .params(
                                result.outcome().name(),
                                result.complaint().map(Complaint::id).orElse(null),
                                mail.messageId())
                        .update();
                return result;
            });
        } catch (DuplicateKeyException alreadyTakenIn) {
            return new Result(Outcome.DUPLICATE, Optional.empty());
        } catch (InvalidInputException refused) {
            // nobody can correct an e-mail: record why it was not taken in, so staff can follow up
            transaction.executeWithoutResult(tx -> jdbc.sql(
                            "insert into cmp_inbound_mail (message_id, received_at, outcome, note) values (?, ?, 'REJECTED', ?)")
                    .params(
                            mail.messageId(),
                            clock.instant().atOffset(java.time.ZoneOffset.UTC),
                            truncate(refused.getMessage(), 500))
                    .update());
            return new Result(Outcome.REJECTED, Optional.empty());
        }
    }

    private Result process(InboundMail mail) {
        String text = cleanText(mail.text(), true);
        Optional<Complaint> existing = referencedComplaint(mail)
                .filter(c -> !c.isClosed() && mail.fromAddress().equalsIgnoreCase(c.complainantEmail()));
        if (existing.isPresent()) {
            Complaint complaint = existing.get();
            messages.addInformation(
                    complaint.reference(), text.isBlank() ? "(e-mail without text)" : limit(text, 4000), "email");
            keepAttachments(complaint, mail, text);
            return new Result(Outcome.ADDED_TO_COMPLAINT, Optional.of(complaint));
        }
        String subject = cleanText(mail.subject(), false);
        String name = cleanText(mail.fromName(), false);
        ComplaintSubmission submission = new ComplaintSubmission(
                "email",
                null,
                name.isBlank() ? mail.fromAddress().replaceAll("@.*", "") : limit(name, 200),
                mail.fromAddress(),
                null,
                properties.defaultLanguage(),
                subject.isBlank() ? "(no subject)" : limit(subject, 200),
                text.length() < 10 ? limit(text + " (e-mail: " + subject + ")", 4000) : limit(text, 4000),
                null,
                null,
                referencedComplaint(mail).map(c -> "Refers to " + c.reference()).orElse(null),
                null,
                null,
                null,
                false);
        Complaint complaint = intake.file(submission, List.of());
        keepAttachments(complaint, mail, text);
        return new Result(Outcome.NEW_COMPLAINT, Optional.of(complaint));
    }

    private Optional<Complaint> referencedComplaint(InboundMail mail) {
        Matcher matcher = REFERENCE.matcher(mail.subject() == null ? "" : mail.subject());
        if (matcher.find()) {
            return register.findByReference(matcher.group());
        }
        for (String messageId : mail.inReplyTo()) {
            Optional<Long> complaintId = jdbc.sql("select complaint_id from cmp_mail where message_id = ?")
                    .param(messageId.strip())
                    .query(Long.class)
                    .optional();
            if (complaintId.isPresent()) {
                return Optional.of(register.get(complaintId.get()));
            }
        }
        return Optional.empty();
    }

    /** Attachments within the limits are kept; the rest is noted, the message is still taken in. */
    private void keepAttachments(Complaint complaint, InboundMail mail, String text) {
        List<AttachmentPolicy.Upload> uploads = new ArrayList<>(mail.attachments());
        if (text.length() > 4000) {
            uploads.add(new AttachmentPolicy.Upload("message.txt", text.getBytes(StandardCharsets.UTF_8)));
        }
        List<Attachment> kept;
        try {
            kept = attachmentPolicy.check(uploads);
        } catch (InvalidInputException | AttachmentsTooLargeException e) {
            kept = uploads.stream()
                    .map(u -> {
                        try {
                            return attachmentPolicy.check(List.of(u));
                        } catch (InvalidInputException | AttachmentsTooLargeException single) {
                            return List.<Attachment>of();
                        }
                    })
                    .flatMap(List::stream)
                    .limit(5)
                    .toList();
            events.append(
                    complaint.id(),
                    "ATTACHMENTS_REFUSED",
                    "system",
                    "Some e-mail attachments were not kept: " + truncate(e.getMessage(), 300),
                    null);
        }
        for (Attachment attachment : kept) {
            attachments.add(
                    complaint.id(),
                    attachment.fileName(),
                    attachment.contentType(),
                    attachment.content(),
                    clock.instant());
        }
    }

    /** E-mail text cannot be sent back for correction: characters the register refuses are dropped instead. */
    static String cleanText(String text, boolean multiLine) {
        if (text == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder();
        String normalized = TextHygiene.normalize(text.replace("\r\n", "\n"));
        normalized.codePoints().forEach(c -> {
            String ch = new String(Character.toChars(c));
            if (TextHygiene.isClean(ch, multiLine)) {
                clean.append(ch);
            } else if (!multiLine && (c == '\n' || c == '\r' || c == '\t')) {
                clean.append(' ');
            }
        });
        return clean.toString().strip();
    }

    private static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String truncate(String text, int max) {
        return text == null ? null : limit(text, max);
    }
}
