package org.complaints.analysis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.complaints.register.Jdbc;

/**
 * What the reports read of one complaint (no personal data), and how it counts: the one place that decides which
 * flags, series and durations a complaint adds to, for the roll-up of closed complaints and the live tally of open
 * ones alike.
 */
record ReportFacts(
        Instant receivedAt,
        String channel,
        String category,
        String product,
        String outcome,
        String closureReason,
        String rootCause,
        Boolean inScope,
        Boolean ackSlaMet,
        Boolean assessmentSlaMet,
        Boolean responseSlaMet,
        int reviewRound,
        boolean externalReferral,
        Instant acknowledgedAt,
        Instant firstDecidedAt,
        Instant closedAt,
        Instant responseDeadline,
        Instant deadlineRevisedAt,
        String scopeDecision) {

    static final String COLUMNS = "received_at, channel, category, product_or_service, outcome, closure_reason, "
            + "root_cause, in_scope, ack_sla_met, assessment_sla_met, response_sla_met, review_round, external_referral, "
            + "acknowledged_at, first_decided_at, closed_at, response_deadline, deadline_revised_at, scope_decision";
    static final String NONE = "(none)";

    static ReportFacts read(ResultSet rs) throws SQLException {
        return new ReportFacts(
                Jdbc.instant(rs, "received_at"),
                rs.getString("channel"),
                rs.getString("category"),
                rs.getString("product_or_service"),
                rs.getString("outcome"),
                rs.getString("closure_reason"),
                rs.getString("root_cause"),
                bool(rs, "in_scope"),
                bool(rs, "ack_sla_met"),
                bool(rs, "assessment_sla_met"),
                bool(rs, "response_sla_met"),
                rs.getInt("review_round"),
                rs.getBoolean("external_referral"),
                Jdbc.instant(rs, "acknowledged_at"),
                Jdbc.instant(rs, "first_decided_at"),
                Jdbc.instant(rs, "closed_at"),
                Jdbc.instant(rs, "response_deadline"),
                Jdbc.instant(rs, "deadline_revised_at"),
                rs.getString("scope_decision"));
    }

    /** Adds this complaint to {@code tally}: its received day (organisation's zone), flags, series and durations. */
    void addTo(Tally tally, ZoneId zone, Instant now) {
        LocalDate day = receivedAt.atZone(zone).toLocalDate();
        boolean open = closedAt == null;
        tally.count(day, "channel_category", channel, category == null ? NONE : category, 1);
        tally.count(day, "product", product, null, 1);
        flag(tally, day, "received", true);
        flag(tally, day, "closed", !open);
        flag(tally, day, "in_scope", Boolean.TRUE.equals(inScope));
        // a message that is not a complaint at all (enquiry, compliment, suggestion) is counted apart (7.5, 8.2)
        boolean notAComplaint = "not-a-complaint".equals(scopeDecision);
        flag(tally, day, "out_of_scope", Boolean.FALSE.equals(inScope) && !notAComplaint);
        flag(tally, day, "not_a_complaint", Boolean.FALSE.equals(inScope) && notAComplaint);
        flag(tally, day, "assessed", inScope != null);
        flag(tally, day, "decided", firstDecidedAt != null);
        flag(tally, day, "withdrawn", "WITHDRAWN".equals(closureReason));
        flag(tally, day, "not_upheld", "not-upheld".equals(outcome));
        flag(tally, day, "rejected", reviewRound > 0 || externalReferral);
        flag(tally, day, "reviewed", reviewRound > 0);
        flag(tally, day, "referred", externalReferral);
        stage(tally, day, "ack", ackSlaMet, open);
        stage(tally, day, "assessment", assessmentSlaMet, open);
        Boolean response = responseMet(now);
        stage(tally, day, "response", response, open && responseDeadline != null);
        if (outcome != null) {
            tally.count(day, "outcome", outcome, null, 1);
        }
        if (closureReason != null) {
            tally.count(day, "closure_reason", closureReason, null, 1);
        }
        if (rootCause != null) {
            tally.count(day, "root_cause", rootCause, null, 1);
        }
        if (acknowledgedAt != null) {
            tally.duration(
                    day,
                    "ack",
                    DurationBuckets.bucket(
                            Duration.between(receivedAt, acknowledgedAt).toSeconds()),
                    1);
        }
        if (firstDecidedAt != null) {
            tally.duration(
                    day,
                    "decide",
                    DurationBuckets.bucket(
                            Duration.between(receivedAt, firstDecidedAt).toSeconds()),
                    1);
        }
    }

    /**
     * Closing records the result; before that an answer already sent, or a committed date already passed without
     * one, decides it (the same rule as {@code ClosureService}); null while not yet known.
     */
    Boolean responseMet(Instant now) {
        if (responseSlaMet != null || closedAt != null) {
            return responseSlaMet;
        }
        if (firstDecidedAt != null) {
            return deadlineRevisedAt == null && !firstDecidedAt.isAfter(responseDeadline);
        }
        return responseDeadline != null && responseDeadline.isBefore(now) ? Boolean.FALSE : null;
    }

    private static void flag(Tally tally, LocalDate day, String flag, boolean set) {
        if (set) {
            tally.count(day, "flag", flag, null, 1);
        }
    }

    /** Met, missed, or (while the complaint is open and {@code pendingPossible}) not yet known. */
    private static void stage(Tally tally, LocalDate day, String stage, Boolean met, boolean pendingPossible) {
        if (met != null) {
            flag(tally, day, stage + (met ? "_met" : "_missed"), true);
        } else if (pendingPossible) {
            flag(tally, day, stage + "_open", true);
        }
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }
}
