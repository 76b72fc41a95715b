package org.complaints.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.complaints.audit.AuditLog;
import org.complaints.improvement.CorrectiveAction;
import org.complaints.improvement.CorrectiveActionRegister;
import org.complaints.mail.MailLog;
import org.complaints.register.AccessMarkings;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintEvent;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.Decision;
import org.complaints.register.DecisionRegister;
import org.complaints.register.EventLog;
import org.complaints.security.StaffGroups;
import org.complaints.survey.SurveyAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * A complaint's evidence record for auditors (ISO 10002 8.5, 4.12): the register entry, every decision, every
 * e-mail, every step of the event log with who, when and the ISO 10002 clause it evidences, the corrective
 * actions it is linked to (8.7) and its satisfaction survey (8.3). Read only from
 * the register, so it stays complete after the engine's history is cleaned up. Each reading is audited.
 */
@Service
public class EvidenceRecords {

    /** What a step whose clause nobody recorded shows instead of one. */
    public static final String CLAUSE_NOT_RECORDED = "clause not recorded";

    private final ComplaintRegister register;
    private final EventLog events;
    private final DecisionRegister decisions;
    private final MailLog mails;
    private final AuditLog audit;
    private final CorrectiveActionRegister correctiveActions;
    private final SurveyAnswers surveys;
    private final IsoClauses isoClauses;

    EvidenceRecords(
            ComplaintRegister register,
            EventLog events,
            DecisionRegister decisions,
            MailLog mails,
            AuditLog audit,
            CorrectiveActionRegister correctiveActions,
            SurveyAnswers surveys,
            IsoClauses isoClauses) {
        this.isoClauses = isoClauses;
        this.correctiveActions = correctiveActions;
        this.surveys = surveys;
        this.register = register;
        this.events = events;
        this.decisions = decisions;
        this.mails = mails;
        this.audit = audit;
    }

    /** A step of the timeline with its clause, e.g. "7.5 Initial assessment", or {@link #CLAUSE_NOT_RECORDED}. */
    public record Step(ComplaintEvent event, String clause) {}

    /** {@code clauses}: steps per clause number in the standard's order, then {@link #CLAUSE_NOT_RECORDED}. */
    public record EvidenceRecord(
            Complaint complaint,
            AccessMarkings markings,
            List<Decision> decisions,
            List<MailLog.SentMail> mails,
            List<Step> timeline,
            Map<String, Long> clauses,
            List<CorrectiveAction> correctiveActions,
            SurveyAnswers.SurveyOfComplaint survey) {}

    /**
     * The record, if {@code user} may read it: complaint managers and administrators always, quality managers
     * unless the complaint is confidential; never staff the complaint names.
     */
    public EvidenceRecord read(String reference, String user, List<String> groups) {
        Complaint complaint = register.getByReference(reference);
        AccessMarkings markings = register.accessMarkings(complaint.id());
        if (markings.names(user)) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN,
                    reference + " names you; its record is for others " + "to read (objectivity, ISO 10002 4.7)");
        }
        boolean manager = groups.contains(StaffGroups.MANAGERS) || groups.contains(StaffGroups.ADMIN);
        if (markings.confidential() && !manager) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN,
                    reference + " is confidential: only complaint " + "managers read its record (ISO 10002 4.10)");
        }
        audit.append(
                complaint.id(),
                markings.processInstanceId(),
                user,
                "evidence.READ",
                "evidence-record",
                null,
                Map.of("reference", reference));
        return gather(complaint, markings);
    }

    /**
     * The record of a complaint, for a caller that has checked who may read it and audits the reading itself
     * (the staff complaint file gathers the same steps, decisions, e-mails, actions and survey).
     */
    public EvidenceRecord gather(Complaint complaint, AccessMarkings markings) {
        List<Step> timeline = new ArrayList<>();
        Map<IsoClause, Long> perClause = new EnumMap<>(IsoClause.class);
        long unrecorded = 0;
        for (ComplaintEvent event : events.list(complaint.id())) {
            Optional<StepClause> clause = isoClauses.of(event);
            timeline.add(new Step(event, clause.map(StepClause::label).orElse(CLAUSE_NOT_RECORDED)));
            if (clause.isPresent()) {
                perClause.merge(clause.get().clause(), 1L, Long::sum);
            } else {
                unrecorded++;
            }
        }
        Map<String, Long> clauses = new LinkedHashMap<>();
        perClause.forEach((clause, steps) -> clauses.put(clause.number(), steps));
        if (unrecorded > 0) {
            clauses.put(CLAUSE_NOT_RECORDED, unrecorded);
        }
        List<Decision> rounds = new ArrayList<>();
        for (int round = 1; decisions.find(complaint.id(), round).isPresent(); round++) {
            rounds.add(decisions.get(complaint.id(), round));
        }
        return new EvidenceRecord(
                complaint,
                markings,
                rounds,
                mails.list(complaint.id()),
                timeline,
                clauses,
                correctiveActions.actionsOf(complaint.id()),
                surveys.ofComplaint(complaint.id()).orElse(null));
    }
}
