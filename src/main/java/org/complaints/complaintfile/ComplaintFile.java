package org.complaints.complaintfile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.complaints.survey.SurveyAnswers;

/**
 * Everything about one complaint that a member of staff may see, as the API answers it and the page shows it.
 * {@code contact} is null when the viewer's role does not see contact details ({@code contactWithheld}).
 * {@code actions} and {@code notes} are kept for what staff can do on the file and their internal notes.
 * {@code communication} says how to reach and address the complainant, for everyone who sees the file.
 */
public record ComplaintFile(
        String reference,
        String stage,
        boolean open,
        Receipt receipt,
        Contact contact,
        boolean contactWithheld,
        Subject subject,
        Assessment assessment,
        Dates dates,
        Outcome outcome,
        Markings markings,
        Process process,
        List<OpenTask> openTasks,
        List<TimelineEntry> timeline,
        List<DecisionRound> decisions,
        List<AttachmentInfo> attachments,
        List<RelatedComplaint> related,
        List<CorrectiveActionLink> correctiveActions,
        SurveyAnswers.SurveyOfComplaint survey,
        List<Action> actions,
        List<Note> notes,
        Communication communication) {

    public record Receipt(String channel, Instant receivedAt, String receivedBy, String language) {}

    /**
     * The complainant's contact data and, when someone complains on their behalf, the representative's; every
     * communication goes to the representative then.
     */
    public record Contact(
            String name,
            String email,
            String phone,
            String language,
            String postalAddress,
            String preferredContact,
            Representative representative) {}

    public record Representative(
            String name, String email, String phone, String postalAddress, String relation, boolean consentRecorded) {}

    /**
     * How to communicate with the complainant (ISO 10002 4.5), shown to everyone who sees the file, also where
     * contact details are withheld: the way they prefer (post, phone, e-mail), whether a representative speaks
     * for them, and their accessibility needs (large print, plain language, interpreter, other) with a note.
     */
    public record Communication(
            String preferredContact, boolean represented, String accessibilityNeeds, String accessibilityNote) {}

    public record Subject(String productOrService, String description, LocalDate incidentDate, String remedySought) {}

    public record Assessment(
            String severity,
            String impact,
            String category,
            boolean safetyRelevant,
            String priority,
            String handlingGroup,
            Boolean inScope,
            String scopeReason,
            String rootCause,
            Integer relatedCount) {}

    /**
     * The dates the organisation committed to: {@code nextCommittedDate} is the one the complainant's status page
     * shows for the current stage, {@code responseDeadline} the response date set at assessment.
     */
    public record Dates(
            Instant acknowledgedAt,
            Instant responseDeadline,
            Instant deadlineRevisedAt,
            Instant nextCommittedDate,
            boolean overdue,
            Instant decidedAt,
            Instant closedAt) {}

    public record Outcome(String outcome, int reviewRound, boolean externalReferral, String closureReason) {}

    public record Markings(boolean confidential, boolean legalHold, boolean anonymised) {}

    /** The complaint's process instance; Cockpit shows it only while it runs. */
    public record Process(String processInstanceId, boolean running) {}

    public record OpenTask(
            String id,
            String name,
            String taskDefinitionKey,
            String assignee,
            List<String> candidateGroups,
            Instant created,
            Instant due) {}

    /**
     * One thing that happened, in time order: {@code type} is the event type of the complaint's event log (new
     * types appear as they are written) or one of {@code MAIL_OUT}, {@code MAIL_QUEUED}, {@code MAIL_IN},
     * {@code INFORMATION_ADDED}, {@code ATTACHMENT}; {@code text} is the full text where there is one.
     */
    public record TimelineEntry(Instant at, String type, String actor, String summary, String text, String clause) {}

    public record DecisionRound(
            int round,
            String outcome,
            String remedy,
            BigDecimal monetaryRemedy,
            String reasons,
            String proposedBy,
            Instant proposedAt,
            boolean approvalRequired,
            String approvedBy,
            Instant approvedAt,
            Instant decidedAt,
            Instant communicatedAt) {}

    public record AttachmentInfo(
            long id, String fileName, String contentType, int sizeBytes, String addedBy, Instant addedAt) {}

    public record RelatedComplaint(String reference, String stage, Instant receivedAt, String productOrService) {}

    public record CorrectiveActionLink(String reference, String status, String trigger, Instant openedAt) {}

    /** Something a member of staff can do on the complaint from its file. */
    public record Action(String name, String method, String href) {}

    /** An internal note: staff only, never shown to the complainant. */
    public record Note(Instant at, String author, String text) {}
}
