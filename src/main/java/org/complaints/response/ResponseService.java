package org.complaints.response;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.complaints.engine.InvalidInputException;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.Decision;
import org.complaints.register.DecisionRegister;
import org.complaints.register.EventLog;
import org.springframework.stereotype.Service;

/**
 * Proposals, approvals and decisions (ISO 10002 7.7, 7.9), with who did what and when (4.12). Round 1 is the
 * first decision, round 2 the decision after internal review.
 */
@Service
public class ResponseService {

    public static final List<String> OUTCOMES = List.of("upheld", "partly-upheld", "not-upheld");

    private final ComplaintRegister register;
    private final DecisionRegister decisions;
    private final EventLog events;
    private final ResponseProperties properties;
    private final Clock clock;

    public ResponseService(
            ComplaintRegister register,
            DecisionRegister decisions,
            EventLog events,
            ResponseProperties properties,
            Clock clock) {
        this.register = register;
        this.decisions = decisions;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** Records the first-round proposal; returns whether a complaint manager must approve it. */
    public boolean recordProposal(long complaintId, ProposalInput input, String proposer) {
        validate(input, "");
        boolean approvalRequired = approvalRequired(complaintId, input);
        decisions.saveProposal(
                complaintId,
                1,
                input.outcome(),
                remedyOf(input),
                amountOf(input),
                input.reasons(),
                input.preventiveAction(),
                proposer,
                clock.instant(),
                approvalRequired);
        decisions.recordRemedyKind(complaintId, 1, kindOf(input));
        events.append(
                complaintId,
                "PROPOSED",
                proposer,
                "Resolution proposed: " + input.outcome() + (approvalRequired ? " (needs approval)" : ""),
                describe(input));
        return approvalRequired;
    }

    /**
     * The approval rule of every decision round (ISO 10002 7.7, 4.7): a complaint manager approves a decision of a
     * high-priority complaint or one whose monetary remedy is above the configured limit.
     */
    private boolean approvalRequired(long complaintId, ProposalInput input) {
        Complaint complaint = register.get(complaintId);
        return properties.approvalPriorities().contains(complaint.priority())
                || (input.monetaryRemedy() != null
                        && input.monetaryRemedy().compareTo(properties.approvalMonetaryLimit()) > 0);
    }

    public void recordApproval(long complaintId, String approver, boolean approved, String comment) {
        recordApproval(complaintId, 1, approver, approved, comment);
    }

    /** The approval or return of the proposal of {@code round} (1: first decision, 2: internal review). */
    public void recordApproval(long complaintId, int round, String approver, boolean approved, String comment) {
        String what = round == 1 ? "Proposed resolution" : "Internal review decision";
        if (approved) {
            decisions.approve(complaintId, round, approver, clock.instant());
            events.append(complaintId, "APPROVED", approver, what + " approved", comment);
        } else {
            events.append(complaintId, "RETURNED", approver, what + " returned for rework", comment);
        }
    }

    /**
     * A complaint manager's answer on the approval of {@code round}: {@code approve} or {@code return}, a return with
     * what needs rework. Refuses any other answer; returns whether the proposal was approved.
     */
    public boolean recordApprovalDecision(
            long complaintId, int round, String approver, String decision, String comment) {
        if (!"approve".equals(decision) && !"return".equals(decision)) {
            throw new InvalidInputException("approvalDecision: choose approve or return");
        }
        if ("return".equals(decision) && (comment == null || comment.length() < 5)) {
            throw new InvalidInputException("approvalComment: say what needs rework (at least 5 characters)");
        }
        boolean approved = "approve".equals(decision);
        recordApproval(complaintId, round, approver, approved, comment);
        return approved;
    }

    /** The standing proposal of round 1 becomes the decision. */
    public Decision decide(long complaintId) {
        decisions.markDecided(complaintId, 1, clock.instant());
        Decision decision = decisions.get(complaintId, 1);
        register.recordDecision(complaintId, decision.outcome(), decision.decidedAt(), 0);
        events.append(
                complaintId,
                "DECIDED",
                decision.approvedBy() != null ? decision.approvedBy() : decision.proposedBy(),
                "Decision taken: " + decision.outcome(),
                null);
        return decision;
    }

    /**
     * Records the internal review's decision (round 2) and its author; returns whether a complaint manager must
     * approve it, by the same rule as the first decision. Until it is decided ({@link #decideReview}) the first
     * decision stands.
     */
    public boolean recordReview(long complaintId, ProposalInput input, String reviewer) {
        validate(input, "review");
        boolean approvalRequired = approvalRequired(complaintId, input);
        decisions.saveProposal(
                complaintId,
                2,
                input.outcome(),
                remedyOf(input),
                amountOf(input),
                input.reasons(),
                null,
                reviewer,
                clock.instant(),
                approvalRequired);
        decisions.recordRemedyKind(complaintId, 2, kindOf(input));
        events.append(
                complaintId,
                "REVIEW_PROPOSED",
                reviewer,
                "Internal review proposed: " + input.outcome() + (approvalRequired ? " (needs approval)" : ""),
                describe(input));
        return approvalRequired;
    }

    /** The internal review's decision (round 2), approved where required, replaces the first one (7.9). */
    public Decision decideReview(long complaintId) {
        decisions.markDecided(complaintId, 2, clock.instant());
        Decision decision = decisions.get(complaintId, 2);
        register.recordDecision(complaintId, decision.outcome(), decision.decidedAt(), 1);
        events.append(
                complaintId,
                "REVIEW_DECIDED",
                decision.approvedBy() != null ? decision.approvedBy() : decision.proposedBy(),
                "Internal review decided: " + decision.outcome(),
                null);
        return decision;
    }

    private static void validate(ProposalInput input, String prefix) {
        List<String> problems = new ArrayList<>();
        String p = prefix.isEmpty() ? "" : prefix;
        String outcomeField = p.isEmpty() ? "outcome" : p + "Outcome";
        if (input.outcome() == null || !OUTCOMES.contains(input.outcome())) {
            problems.add(outcomeField + ": choose one of " + String.join(", ", OUTCOMES));
        }
        if (input.reasons() == null || input.reasons().length() < 20) {
            problems.add((p.isEmpty() ? "decisionReasons" : p + "Reasons")
                    + ": give the reasons in at least 20 characters; the complainant receives them");
        }
        if (input.monetaryRemedy() != null && input.monetaryRemedy().signum() < 0) {
            problems.add((p.isEmpty() ? "monetaryRemedy" : p + "MonetaryRemedy") + ": may not be negative");
        }
        boolean upheld = input.outcome() != null && !"not-upheld".equals(input.outcome());
        boolean hasRemedy = (input.remedy() != null && !input.remedy().isBlank())
                || (input.monetaryRemedy() != null && input.monetaryRemedy().signum() > 0);
        if (upheld && !hasRemedy) {
            problems.add(
                    (p.isEmpty() ? "remedy" : p + "Remedy") + ": an upheld or partly upheld complaint needs a remedy");
        }
        problems.addAll(RemedyKinds.problems(
                input.remedyKind(),
                input.monetaryRemedy(),
                input.remedy(),
                upheld,
                p.isEmpty() ? "remedyKind" : p + "RemedyKind",
                p.isEmpty() ? "monetaryRemedy" : p + "MonetaryRemedy",
                p.isEmpty() ? "remedy" : p + "Remedy"));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** A not-upheld complaint offers nothing; else the kind chosen on the form. */
    private static String kindOf(ProposalInput input) {
        return "not-upheld".equals(input.outcome()) ? null : input.remedyKind();
    }

    /** A not-upheld complaint has no remedy, whatever the form still holds from an earlier choice. */
    private static String remedyOf(ProposalInput input) {
        return "not-upheld".equals(input.outcome()) ? null : input.remedy();
    }

    private static BigDecimal amountOf(ProposalInput input) {
        return "not-upheld".equals(input.outcome()) ? null : input.monetaryRemedy();
    }

    private static String describe(ProposalInput input) {
        return "Outcome: " + input.outcome()
                + (kindOf(input) != null ? "\nRemedy kind: " + kindOf(input) : "")
                + (remedyOf(input) != null ? "\nRemedy: " + remedyOf(input) : "")
                + (amountOf(input) != null ? "\nMonetary remedy: EUR " + amountOf(input) : "")
                + "\nReasons: " + input.reasons()
                + (input.preventiveAction() != null ? "\nPreventive action: " + input.preventiveAction() : "");
    }
}
