package org.complaints.register;

import static org.complaints.register.Jdbc.instant;
import static org.complaints.register.Jdbc.ts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Proposals and decisions per round (ISO 10002 7.7, 7.9). A rework replaces the open proposal of its round. */
@Repository
public class DecisionRegister {

    private final JdbcClient jdbc;

    public DecisionRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void saveProposal(
            long complaintId,
            int round,
            String outcome,
            String remedy,
            BigDecimal monetaryRemedy,
            String reasons,
            String preventiveAction,
            String proposedBy,
            Instant proposedAt,
            boolean approvalRequired) {
        int updated = jdbc.sql("""
                update cmp_decision set outcome = ?, remedy = ?, monetary_remedy = ?, reasons = ?,
                    preventive_action = ?, proposed_by = ?, proposed_at = ?, approval_required = ?,
                    approved_by = null, approved_at = null
                where complaint_id = ? and decision_round = ? and decided_at is null""")
                .params(
                        outcome,
                        remedy,
                        monetaryRemedy,
                        reasons,
                        preventiveAction,
                        proposedBy,
                        ts(proposedAt),
                        approvalRequired,
                        complaintId,
                        round)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into cmp_decision (complaint_id, decision_round, outcome, remedy, monetary_remedy, reasons,
                        preventive_action, proposed_by, proposed_at, approval_required)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            complaintId,
                            round,
                            outcome,
                            remedy,
                            monetaryRemedy,
                            reasons,
                            preventiveAction,
                            proposedBy,
                            ts(proposedAt),
                            approvalRequired)
                    .update();
        }
    }

    public void approve(long complaintId, int round, String approvedBy, Instant at) {
        jdbc.sql(
                        "update cmp_decision set approved_by = ?, approved_at = ? where complaint_id = ? and decision_round = ?")
                .params(approvedBy, ts(at), complaintId, round)
                .update();
    }

    public void markDecided(long complaintId, int round, Instant at) {
        jdbc.sql(
                        "update cmp_decision set decided_at = coalesce(decided_at, ?) where complaint_id = ? and decision_round = ?")
                .params(ts(at), complaintId, round)
                .update();
    }

    public void markCommunicated(long complaintId, int round, Instant at) {
        jdbc.sql(
                        "update cmp_decision set communicated_at = coalesce(communicated_at, ?) where complaint_id = ? and decision_round = ?")
                .params(ts(at), complaintId, round)
                .update();
    }

    public Optional<Decision> find(long complaintId, int round) {
        return jdbc.sql("select * from cmp_decision where complaint_id = ? and decision_round = ?")
                .params(complaintId, round)
                .query(DecisionRegister::map)
                .optional();
    }

    /** What the remedy of the open proposal of {@code round} is (ISO 10002 7.7); null when none was chosen. */
    public void recordRemedyKind(long complaintId, int round, String remedyKind) {
        jdbc.sql("update cmp_decision set remedy_kind = ? where complaint_id = ? and decision_round = ?")
                .params(remedyKind, complaintId, round)
                .update();
    }

    public Decision get(long complaintId, int round) {
        return find(complaintId, round)
                .orElseThrow(() -> new IllegalStateException(
                        "No decision of round " + round + " recorded for complaint " + complaintId));
    }

    /** The decision that currently stands: the review decision when there is one, else the first. */
    public Optional<Decision> latestDecided(long complaintId) {
        return jdbc.sql("""
                select * from cmp_decision where complaint_id = ? and decided_at is not null
                order by decision_round desc""").param(complaintId).query(DecisionRegister::map).list().stream()
                .findFirst();
    }

    static Decision map(ResultSet rs, int row) throws SQLException {
        return new Decision(
                rs.getLong("id"),
                rs.getLong("complaint_id"),
                rs.getInt("decision_round"),
                rs.getString("outcome"),
                rs.getString("remedy"),
                rs.getBigDecimal("monetary_remedy"),
                rs.getString("reasons"),
                rs.getString("preventive_action"),
                rs.getString("proposed_by"),
                instant(rs, "proposed_at"),
                rs.getBoolean("approval_required"),
                rs.getString("approved_by"),
                instant(rs, "approved_at"),
                instant(rs, "decided_at"),
                instant(rs, "communicated_at"),
                rs.getString("remedy_kind"));
    }
}
