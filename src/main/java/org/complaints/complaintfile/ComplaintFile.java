package org.complaints.complaintfile;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.complaints.survey.SurveyAnswers;

/**
 * Everything about one complaint that a member of staff may see, as the API answers it and the page shows it.
 * {@code contact} is null when the viewer's role does not see contact details ({@code contactWithheld}).
 * {@code actions} and {@code notes} are kept for what staff can do on the file and their internal notes.
 * {@code duplicateOf} is the reference of the complaint this one duplicates (when the viewer may see it);
 * {@code duplicates} are the complaints linked as duplicates of this one, with their information and attachments.
 * {@code communication} says how to reach and address the complainant, for everyone who sees the file.
 */
public record ComplaintFile(
        @Schema(description = "The complaint's reference", example = "CMP-2026-000042")
        String reference,

        @Schema(description = "The complaint's stage (ComplaintStage)", example = "INVESTIGATION")
        String stage,

        @Schema(description = "Whether the complaint is still open", example = "true")
        boolean open,

        @Schema(description = "How and when the complaint came in")
        Receipt receipt,

        @Schema(description = "The complainant's contact details; null when withheld from the reader")
        Contact contact,

        @Schema(description = "True when the reader's group may not see the contact details", example = "false")
        boolean contactWithheld,

        @Schema(description = "What the complaint is about, in the complainant's words")
        Subject subject,

        @Schema(description = "The initial assessment and what the investigation found")
        Assessment assessment,

        @Schema(description = "Deadlines and the dates the complaint reached its steps")
        Dates dates,

        @Schema(description = "The outcome so far: decision, review round, external referral, closure")
        Outcome outcome,

        @Schema(description = "Confidentiality, legal hold and anonymisation")
        Markings markings,

        @Schema(description = "The complaint's process instance")
        Process process,

        @Schema(description = "The tasks open on the complaint now")
        List<OpenTask> openTasks,

        @Schema(description = "Everything that happened, oldest first, each with its ISO 10002 clause")
        List<TimelineEntry> timeline,

        @Schema(description = "Each decision round: proposal, approval, communication")
        List<DecisionRound> decisions,

        @Schema(description = "The files of the complaint: the complainant's and those staff added")
        List<AttachmentInfo> attachments,

        @Schema(description = "Complaints about the same product or service")
        List<RelatedComplaint> related,

        @Schema(description = "Corrective actions the complaint is linked to")
        List<CorrectiveActionLink> correctiveActions,

        @Schema(description = "The satisfaction survey after closure, if one was sent")
        SurveyAnswers.SurveyOfComplaint survey,

        @Schema(description = "What the reader may do with the complaint now, each with its API route")
        List<Action> actions,

        @Schema(description = "Internal notes of staff, never shown to the complainant")
        List<Note> notes,

        @Schema(description = "The reference of the complaint this one duplicates, if the reader may see it")
        String duplicateOf,

        @Schema(description = "Complaints linked as duplicates of this one, with their information and files")
        List<Duplicate> duplicates,

        @Schema(description = "How to reach and address the complainant, shown also where contact details are withheld")
        Communication communication) {

    @Schema(description = "How and when the complaint came in")
    public record Receipt(
            @Schema(
                    description = "How the complaint came in: web, api, email, phone, letter or in-person",
                    example = "web")
            String channel,

            @Schema(description = "When it was received", example = "2026-03-02T09:15:00Z")
            Instant receivedAt,

            @Schema(
                    description = "The staff user who registered it; null for the web form, the API and e-mail",
                    example = "intake")
            String receivedBy,

            @Schema(description = "The complainant's language (en, tr, nl, et)", example = "nl")
            String language) {}

    /**
     * The complainant's contact data and, when someone complains on their behalf, the representative's; every
     * communication goes to the representative then.
     */
    @Schema(description = "The complainant's contact details")
    public record Contact(
            @Schema(description = "The complainant's name", example = "Sanne Bakker")
            String name,

            @Schema(description = "The complainant's e-mail address, if given", example = "sanne.bakker@example.org")
            String email,

            @Schema(description = "The complainant's telephone number, if given", example = "+31 20 123 4567")
            String phone,

            @Schema(description = "The language the complainant is written to in (en, tr, nl, et)", example = "nl")
            String language,

            @Schema(
                    description = "The complainant's postal address, lines separated by newlines, if given",
                    example = "Kerkstraat 12\n1017 GC Amsterdam")
            String postalAddress,

            @Schema(
                    description = "The way the complainant prefers to be reached: email, post or phone",
                    example = "post")
            String preferredContact,

            @Schema(description = "Who complains on the complainant's behalf, if anyone")
            Representative representative) {}

    @Schema(description = "Someone who complains on the complainant's behalf")
    public record Representative(
            @Schema(description = "The representative's name", example = "Pieter Bakker")
            String name,

            @Schema(description = "The representative's e-mail address, if given", example = "pieter@example.org")
            String email,

            @Schema(description = "The representative's telephone number, if given", example = "+31 6 1234 5678")
            String phone,

            @Schema(description = "The representative's postal address, if given", example = "Dorpsweg 3\n1234 AB Ede")
            String postalAddress,

            @Schema(description = "The representative's relation to the complainant", example = "son")
            String relation,

            @Schema(
                    description = "Whether the complainant's consent to being represented is recorded",
                    example = "true")
            boolean consentRecorded) {}

    /**
     * How to communicate with the complainant (ISO 10002 4.5), shown to everyone who sees the file, also where
     * contact details are withheld: the way they prefer (post, phone, e-mail), whether a representative speaks
     * for them, and their accessibility needs (large print, plain language, interpreter, other) with a note.
     */
    @Schema(description = "How to communicate with the complainant")
    public record Communication(
            @Schema(description = "The way communications go: email, post or phone", example = "post")
            String preferredContact,

            @Schema(description = "Whether a representative speaks for the complainant", example = "false")
            boolean represented,

            @Schema(description = "large-print, plain-language, interpreter or other, if any", example = "large-print")
            String accessibilityNeeds,

            @Schema(
                    description = "What the accessibility need is, in staff's words, if noted",
                    example = "16 pt or larger")
            String accessibilityNote) {}

    @Schema(description = "What the complaint is about, in the complainant's words")
    public record Subject(
            @Schema(description = "The product or service complained about", example = "Parcel delivery")
            String productOrService,

            @Schema(
                    description = "The complaint in the complainant's words",
                    example = "The parcel was left in the rain.")
            String description,

            @Schema(description = "When it happened, if given", example = "2026-02-27")
            LocalDate incidentDate,

            @Schema(description = "What the complainant asks for, if given", example = "A refund of the delivery costs")
            String remedySought) {}

    @Schema(description = "The initial assessment and what the investigation found")
    public record Assessment(
            @Schema(
                    description = "Severity from the initial assessment: low, medium, high or critical",
                    example = "medium")
            String severity,

            @Schema(description = "Who is affected: individual, several or many", example = "individual")
            String impact,

            @Schema(
                    description =
                            "Category: product-quality, service, billing, delivery, staff-conduct, data-protection or other",
                    example = "delivery")
            String category,

            @Schema(description = "Whether the complaint concerns health or safety", example = "false")
            boolean safetyRelevant,

            @Schema(description = "Priority the decision table gave", example = "normal")
            String priority,

            @Schema(description = "The group handling the complaint", example = "complaint-handlers")
            String handlingGroup,

            @Schema(
                    description = "Whether the complaint is within the complaints process; null until assessed",
                    example = "true")
            Boolean inScope,

            @Schema(description = "Why it is out of scope or not a complaint, if so")
            String scopeReason,

            @Schema(description = "The root cause the investigation found", example = "Depot left parcels outside")
            String rootCause,

            @Schema(description = "How many related complaints the investigation found", example = "3")
            Integer relatedCount) {}

    /**
     * The dates the organisation committed to: {@code nextCommittedDate} is the one the complainant's status page
     * shows for the current stage, {@code responseDeadline} the response date set at assessment.
     */
    @Schema(description = "The complaint's deadlines and the dates it reached its steps")
    public record Dates(
            @Schema(description = "When the acknowledgement went out", example = "2026-03-02T09:16:00Z")
            Instant acknowledgedAt,

            @Schema(description = "The committed date for the decision", example = "2026-03-16T17:00:00Z")
            Instant responseDeadline,

            @Schema(description = "When the response deadline was last revised, if it was")
            Instant deadlineRevisedAt,

            @Schema(description = "The date committed to for the current stage", example = "2026-03-16T17:00:00Z")
            Instant nextCommittedDate,

            @Schema(description = "Whether the committed date has passed without the step", example = "false")
            boolean overdue,

            @Schema(description = "When the decision was made")
            Instant decidedAt,

            @Schema(description = "When the complaint was closed")
            Instant closedAt) {}

    @Schema(description = "The outcome so far")
    public record Outcome(
            @Schema(
                    description =
                            "The decision's outcome: upheld, partially-upheld or not-upheld; null before a decision",
                    example = "upheld")
            String outcome,

            @Schema(description = "Decision rounds so far: 2 after an internal review", example = "1")
            int reviewRound,

            @Schema(description = "Whether the complainant took the complaint to the external body", example = "false")
            boolean externalReferral,

            @Schema(
                    description = "Why it was closed (e.g. ACCEPTED, WITHDRAWN, NO_REACTION); null while open",
                    example = "ACCEPTED")
            String closureReason) {}

    @Schema(description = "Confidentiality, legal hold and anonymisation of the complaint")
    public record Markings(
            @Schema(description = "Whether the complaint is confidential", example = "false")
            boolean confidential,

            @Schema(description = "Whether a legal hold keeps it from anonymisation", example = "false")
            boolean legalHold,

            @Schema(description = "Whether the complainant's personal data has been anonymised", example = "false")
            boolean anonymised) {}

    /** The complaint's process instance; Cockpit shows it only while it runs. */
    @Schema(description = "The complaint's process instance")
    public record Process(
            @Schema(description = "The Camunda process instance id", example = "b8f3c2a1-1d2e-11f0-9c0a-0242ac120002")
            String processInstanceId,

            @Schema(description = "Whether the process instance is still running", example = "true")
            boolean running) {}

    public record OpenTask(
            @Schema(description = "The task id", example = "c1d2e3f4-1d2e-11f0-9c0a-0242ac120002")
            String id,

            @Schema(description = "The task's name as Tasklist shows it", example = "Investigate the complaint")
            String name,

            @Schema(description = "The task's id in the diagram", example = "Task_Investigate")
            String taskDefinitionKey,

            @Schema(description = "The user who claimed it, null if nobody", example = "handler")
            String assignee,

            @Schema(description = "Groups the task is offered to", example = "[\"complaint-handlers\"]")
            List<String> candidateGroups,

            @Schema(description = "When the task was created", example = "2026-03-02T09:20:00Z")
            Instant created,

            @Schema(description = "The task's due date, if any", example = "2026-03-09T17:00:00Z")
            Instant due) {}

    /**
     * One thing that happened, in time order: {@code type} is the event type of the complaint's event log (new
     * types appear as they are written) or one of {@code MAIL_OUT}, {@code MAIL_QUEUED}, {@code MAIL_IN},
     * {@code INFORMATION_ADDED}, {@code ATTACHMENT}; {@code text} is the full text where there is one.
     */
    public record TimelineEntry(
            @Schema(description = "When it happened", example = "2026-03-02T09:15:00Z")
            Instant at,

            @Schema(
                    description = "The kind of event (e.g. RECEIVED, MAIL_SENT, INFORMATION_ADDED, ATTACHMENT)",
                    example = "RECEIVED")
            String type,

            @Schema(description = "Who did it: a staff user, complainant or system", example = "complainant")
            String actor,

            @Schema(description = "One line saying what happened", example = "Complaint received through the web form")
            String summary,

            @Schema(description = "The full text where there is one (a mail sent, information added)")
            String text,

            @Schema(description = "The ISO 10002 clause the step serves", example = "7.2")
            String clause) {}

    public record DecisionRound(
            @Schema(description = "The round: 1 the first decision, 2 after an internal review", example = "1")
            int round,

            @Schema(description = "upheld, partially-upheld or not-upheld", example = "upheld")
            String outcome,

            @Schema(description = "The remedy offered, in words", example = "We refund the delivery costs.")
            String remedy,

            @Schema(description = "The amount of money offered, in euros", example = "6.95")
            BigDecimal monetaryRemedy,

            @Schema(
                    description = "The reasons given to the complainant",
                    example = "The parcel should not have been left outside.")
            String reasons,

            @Schema(description = "Who proposed the resolution", example = "handler")
            String proposedBy,

            @Schema(description = "When it was proposed", example = "2026-03-05T10:00:00Z")
            Instant proposedAt,

            @Schema(description = "Whether a second person had to approve it", example = "true")
            boolean approvalRequired,

            @Schema(description = "Who approved it", example = "manager")
            String approvedBy,

            @Schema(description = "When it was approved", example = "2026-03-05T14:00:00Z")
            Instant approvedAt,

            @Schema(description = "When the decision was made", example = "2026-03-05T14:00:00Z")
            Instant decidedAt,

            @Schema(description = "When the decision e-mail went out", example = "2026-03-05T14:01:00Z")
            Instant communicatedAt) {}

    public record AttachmentInfo(
            @Schema(description = "The attachment's id (for its download route)", example = "17")
            long id,

            @Schema(description = "The file's name", example = "receipt.pdf")
            String fileName,

            @Schema(description = "The type established from its content", example = "application/pdf")
            String contentType,

            @Schema(description = "Its size in bytes", example = "48213")
            int sizeBytes,

            @Schema(description = "The staff user who added it; null for the complainant's own files")
            String addedBy,

            @Schema(description = "When it was added", example = "2026-03-02T09:15:00Z")
            Instant addedAt) {}

    public record RelatedComplaint(
            @Schema(description = "The related complaint's reference", example = "CMP-2026-000040")
            String reference,

            @Schema(description = "Its stage", example = "CLOSED")
            String stage,

            @Schema(description = "When it was received", example = "2026-02-28T12:00:00Z")
            Instant receivedAt,

            @Schema(description = "Its product or service", example = "Parcel delivery")
            String productOrService) {}

    public record CorrectiveActionLink(
            @Schema(description = "The corrective action's reference", example = "CAPA-2026-0003")
            String reference,

            @Schema(description = "The action's status", example = "IMPLEMENTING")
            String status,

            @Schema(description = "What opened it", example = "SYSTEMIC_FINDING")
            String trigger,

            @Schema(description = "When it was opened", example = "2026-03-06T08:00:00Z")
            Instant openedAt) {}

    /** Something a member of staff can do on the complaint from its file. */
    public record Action(
            @Schema(description = "What the reader may do", example = "add-attachments")
            String name,

            @Schema(description = "The HTTP method of the route", example = "POST")
            String method,

            @Schema(description = "The route", example = "/api/staff/complaints/CMP-2026-000042/attachments")
            String href) {}

    /** An internal note: staff only, never shown to the complainant. */
    public record Note(
            @Schema(description = "When the note was written", example = "2026-03-03T11:00:00Z")
            Instant at,

            @Schema(description = "The staff user who wrote it", example = "handler")
            String author,

            @Schema(description = "The note", example = "Called the depot; they confirm the driver's route.")
            String text) {}

    /**
     * A complaint linked as a duplicate of this one: what the complainant told there (description, information
     * added later) and sent (attachments, downloaded through the duplicate's reference).
     */
    public record Duplicate(
            @Schema(description = "The duplicate's reference", example = "CMP-2026-000043")
            String reference,

            @Schema(description = "When it was received", example = "2026-03-02T10:00:00Z")
            Instant receivedAt,

            @Schema(description = "How it came in", example = "email")
            String channel,

            @Schema(description = "The complaint in the complainant's words", example = "Still no parcel.")
            String description,

            @Schema(description = "Information the complainant added to the duplicate")
            List<AddedInformation> addedInformation,

            @Schema(description = "The duplicate's files, downloaded through the duplicate's reference")
            List<AttachmentInfo> attachments) {}

    /** Information a complainant added to a complaint after filing it. */
    public record AddedInformation(
            @Schema(description = "When it was added", example = "2026-03-04T08:30:00Z")
            Instant at,

            @Schema(description = "How it came in", example = "email")
            String channel,

            @Schema(description = "What was added", example = "The parcel number is 3SABC123.")
            String text) {}
}
