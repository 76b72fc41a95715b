package org.complaints.investigation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.springframework.stereotype.Service;

/**
 * Finds complaints related to one under investigation (same complainant, same product or service, within the
 * look-back period) so the investigator sees recurrence (ISO 10002 7.6 "frequency", 8.2 recurring problems).
 */
@Service
public class RelatedComplaintFinder {

    private static final int SHOWN = 20;

    private final ComplaintRegister register;
    private final EventLog events;
    private final InvestigationProperties properties;

    public RelatedComplaintFinder(ComplaintRegister register, EventLog events, InvestigationProperties properties) {
        this.register = register;
        this.events = events;
        this.properties = properties;
    }

    public RelatedComplaints find(long complaintId) {
        Complaint complaint = register.get(complaintId);
        Instant since = complaint.receivedAt().minus(Duration.ofDays(properties.relatedLookbackDays()));
        List<Complaint> related = register.findRelated(complaint, since, SHOWN + 1);
        long sameComplainant =
                related.stream().filter(r -> sameEmail(r, complaint)).count();
        long sameProduct = related.stream()
                .filter(r -> r.productOrService().equalsIgnoreCase(complaint.productOrService()))
                .count();
        String summary = related.isEmpty()
                ? "No related complaints in the last " + properties.relatedLookbackDays() + " days."
                : describe(complaint, related);
        register.recordRelated(complaintId, related.size());
        events.append(
                complaintId,
                "RELATED_FOUND",
                "system",
                related.size() + " related complaint(s): " + sameComplainant + " from the same complainant, "
                        + sameProduct + " about the same product or service",
                summary);
        return new RelatedComplaints(related.size(), (int) sameComplainant, (int) sameProduct, summary);
    }

    private String describe(Complaint complaint, List<Complaint> related) {
        StringBuilder text = new StringBuilder();
        related.stream().limit(SHOWN).forEach(r -> {
            boolean sameComplainant = sameEmail(r, complaint);
            boolean sameProduct = r.productOrService().equalsIgnoreCase(complaint.productOrService());
            text.append("- ")
                    .append(r.reference())
                    .append(" (")
                    .append(
                            sameComplainant && sameProduct
                                    ? "same complainant and product"
                                    : sameComplainant ? "same complainant" : "same product or service")
                    .append(", received ")
                    .append(r.receivedAt().toString(), 0, 10)
                    .append(", ")
                    .append(r.isClosed() ? "closed: " + r.closureReason() : "open: " + r.stage())
                    .append(r.outcome() != null ? ", outcome " + r.outcome() : "")
                    .append(r.rootCause() != null ? ", root cause " + r.rootCause() : "")
                    .append(")\n");
        });
        if (related.size() > SHOWN) {
            text.append("- and more\n");
        }
        return text.toString();
    }

    public record RelatedComplaints(int count, int sameComplainant, int sameProduct, String summary) {}

    /** The same complainant by e-mail address; complainants without one are never taken for each other. */
    private static boolean sameEmail(Complaint a, Complaint b) {
        return a.complainantEmail() != null && a.complainantEmail().equalsIgnoreCase(b.complainantEmail());
    }
}
