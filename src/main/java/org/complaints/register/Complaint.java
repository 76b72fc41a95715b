package org.complaints.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A complaint as recorded in the register (ISO 10002 7.2): its identity and stage, its columns in groups that say
 * what they hold, and its links to the process instance and the complainant's status page. Every group is present;
 * a column not recorded yet is null inside its group. One method per column answers it from its group, so callers
 * and templates ({@code c.severity} in the evidence record) read a column without knowing which group holds it.
 */
public record Complaint(
        long id,
        String reference,
        ComplaintStage stage,
        Receipt receipt,
        Contact contact,
        Subject subject,
        Classification classification,
        Handling handling,
        Resolution resolution,
        Closure closure,
        String processInstanceId,
        String trackingToken,
        Representative representative) {

    public Complaint {
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(handling, "handling");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(closure, "closure");
    }

    /** A complaint made by the complainant themselves, without a representative. */
    public Complaint(
            long id,
            String reference,
            ComplaintStage stage,
            Receipt receipt,
            Contact contact,
            Subject subject,
            Classification classification,
            Handling handling,
            Resolution resolution,
            Closure closure,
            String processInstanceId,
            String trackingToken) {
        this(
                id,
                reference,
                stage,
                receipt,
                contact,
                subject,
                classification,
                handling,
                resolution,
                closure,
                processInstanceId,
                trackingToken,
                null);
    }

    /** Who every communication goes to: the representative when one is recorded, else the complainant. */
    public Addressee addressee() {
        return Addressee.of(contact, representative);
    }

    /** This complaint as linked to its process instance. */
    public Complaint withProcessInstance(String instance) {
        return new Complaint(
                id,
                reference,
                stage,
                receipt,
                contact,
                subject,
                classification,
                handling,
                resolution,
                closure,
                instance,
                trackingToken,
                representative);
    }

    /** This complaint with the decision table's priority, handling group and committed date. */
    public Complaint withRuleAssessment(String priority, String group, int days, Instant deadline) {
        Handling assessed = new Handling(priority, group, days, deadline, handling.deadlineRevisedAt());
        return new Complaint(
                id,
                reference,
                stage,
                receipt,
                contact,
                subject,
                classification,
                assessed,
                resolution,
                closure,
                processInstanceId,
                trackingToken,
                representative);
    }

    public boolean isClosed() {
        return stage == ComplaintStage.CLOSED;
    }

    public String channel() {
        return receipt.channel();
    }

    public Instant receivedAt() {
        return receipt.receivedAt();
    }

    public String receivedBy() {
        return receipt.receivedBy();
    }

    public Instant acknowledgedAt() {
        return receipt.acknowledgedAt();
    }

    public String complainantName() {
        return contact.name();
    }

    public String complainantEmail() {
        return contact.email();
    }

    public String complainantPhone() {
        return contact.phone();
    }

    public String postalAddress() {
        return contact.postalAddress();
    }

    public String preferredContact() {
        return contact.preferredContact();
    }

    public String accessibilityNeeds() {
        return contact.accessibilityNeeds();
    }

    public String accessibilityNote() {
        return contact.accessibilityNote();
    }

    public String language() {
        return contact.language();
    }

    public String productOrService() {
        return subject.productOrService();
    }

    public String description() {
        return subject.description();
    }

    public LocalDate incidentDate() {
        return subject.incidentDate();
    }

    public String remedySought() {
        return subject.remedySought();
    }

    public String severity() {
        return classification.severity();
    }

    public String impact() {
        return classification.impact();
    }

    public String category() {
        return classification.category();
    }

    public boolean safetyRelevant() {
        return classification.safetyRelevant();
    }

    public String priority() {
        return handling.priority();
    }

    public String handlingGroup() {
        return handling.handlingGroup();
    }

    public Integer responseDays() {
        return handling.responseDays();
    }

    public Instant responseDeadline() {
        return handling.responseDeadline();
    }

    public Instant deadlineRevisedAt() {
        return handling.deadlineRevisedAt();
    }

    public Boolean inScope() {
        return resolution.inScope();
    }

    public String scopeReason() {
        return resolution.scopeReason();
    }

    public String rootCause() {
        return resolution.rootCause();
    }

    public Integer relatedCount() {
        return resolution.relatedCount();
    }

    public String outcome() {
        return resolution.outcome();
    }

    public Instant decidedAt() {
        return resolution.decidedAt();
    }

    public int reviewRound() {
        return resolution.reviewRound();
    }

    public boolean externalReferral() {
        return resolution.externalReferral();
    }

    public Instant closedAt() {
        return closure.closedAt();
    }

    public String closureReason() {
        return closure.closureReason();
    }

    public Boolean ackSlaMet() {
        return closure.ackSlaMet();
    }

    public Boolean responseSlaMet() {
        return closure.responseSlaMet();
    }
}
