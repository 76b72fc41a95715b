package org.complaints.analysis;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A synthetic complaint as the register holds it after its life (or in the middle of it), for report tests and the
 * reports benchmark: every column the reports read, no personal data worth the name.
 */
record SeededComplaint(
        String reference,
        String channel,
        Instant receivedAt,
        String product,
        String category,
        String rootCause,
        Boolean inScope,
        Instant acknowledgedAt,
        Boolean ackSlaMet,
        Boolean assessmentSlaMet,
        Instant firstDecidedAt,
        Instant responseDeadline,
        String outcome,
        int reviewRound,
        boolean externalReferral,
        Instant closedAt,
        String closureReason,
        Boolean responseSlaMet) {

    static final List<String> CHANNELS = org.complaints.register.Channels.ALL;
    static final List<String> CATEGORIES =
            List.of("billing", "delivery", "product-quality", "service", "staff-conduct");
    static final List<String> CAUSES =
            List.of("process-failure", "communication", "human-error", "product-defect", "third-party");
    static final List<String> PRODUCTS = List.of(
            "Broadband",
            "Mobile",
            "Television",
            "Energy",
            "Insurance",
            "Mortgage",
            "Current account",
            "Credit card",
            "Pension",
            "Travel",
            "Heating",
            "Water");
    static final List<String> OUTCOMES = List.of("upheld", "partly-upheld", "not-upheld");

    /** {@code count} complaints received at random moments between {@code from} and {@code to}. */
    static List<SeededComplaint> random(long seed, int count, Instant from, Instant to, String referencePrefix) {
        return random(seed, count, from, to, referencePrefix, false);
    }

    /** As above; with {@code allClosed}, every complaint has ended (the register of past years). */
    static List<SeededComplaint> random(
            long seed, int count, Instant from, Instant to, String referencePrefix, boolean allClosed) {
        Random random = new Random(seed);
        List<SeededComplaint> complaints = new ArrayList<>(count);
        long span = Duration.between(from, to).toSeconds();
        for (int i = 0; i < count; i++) {
            Instant received = from.plusSeconds((long) (random.nextDouble() * span));
            String channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
            // products skewed so that a top-N is meaningful
            String product = PRODUCTS.get(Math.min(PRODUCTS.size() - 1, (int) Math.abs(random.nextGaussian() * 4)));
            boolean withdrawnEarly = random.nextInt(20) == 0;
            Instant ack = withdrawnEarly && random.nextBoolean()
                    ? null
                    : received.plusSeconds(60 + random.nextInt(40 * 3600));
            Boolean ackMet = ack == null ? null : ack.isBefore(received.plusSeconds(30 * 3600));
            Boolean inScope = withdrawnEarly ? null : random.nextInt(10) != 0;
            Boolean assessmentMet = inScope == null ? null : random.nextInt(8) != 0;
            String category = inScope == null ? null : CATEGORIES.get(random.nextInt(CATEGORIES.size()));
            Instant deadline = inScope == null ? null : received.plus(Duration.ofDays(14));
            boolean decided = Boolean.TRUE.equals(inScope) && random.nextInt(6) != 0;
            Instant firstDecided = decided ? received.plusSeconds(3600 + random.nextInt(20 * 24 * 3600)) : null;
            String cause = decided
                    ? CAUSES.get(Math.min(CAUSES.size() - 1, (int) Math.abs(random.nextGaussian() * 1.5)))
                    : null;
            String outcome = decided ? OUTCOMES.get(random.nextInt(OUTCOMES.size())) : null;
            int reviewRound = decided && random.nextInt(7) == 0 ? 1 : 0;
            boolean referred = reviewRound > 0 && random.nextInt(3) == 0;
            Instant closed = null;
            String reason = null;
            Boolean responseMet = null;
            if (withdrawnEarly) {
                closed = received.plusSeconds(7200);
                reason = "WITHDRAWN";
            } else if (Boolean.FALSE.equals(inScope)) {
                closed = received.plusSeconds(3 * 24 * 3600);
                reason = "OUT_OF_SCOPE";
                responseMet = true;
            } else if (decided && (allClosed || random.nextInt(5) != 0)) {
                closed = firstDecided.plusSeconds(10 * 24 * 3600);
                reason = referred ? "EXTERNAL_OUTCOME" : "ACCEPTED";
                responseMet = !firstDecided.isAfter(deadline);
            } else if (allClosed) {
                // never decided: withdrawn after the committed date passed
                closed = deadline.plusSeconds(24 * 3600);
                reason = "WITHDRAWN";
                responseMet = false;
            }
            complaints.add(new SeededComplaint(
                    referencePrefix + String.format("%07d", i),
                    channel,
                    received,
                    product,
                    category,
                    cause,
                    inScope,
                    ack,
                    ackMet,
                    assessmentMet,
                    firstDecided,
                    deadline,
                    outcome,
                    reviewRound,
                    referred,
                    closed,
                    reason,
                    responseMet));
        }
        return complaints;
    }

    static void insert(JdbcTemplate jdbc, List<SeededComplaint> complaints) {
        insert(jdbc, complaints, "Seeded complaint for the reports");
    }

    /** With {@code description} as every complaint's text (its length makes the table as wide as a real one). */
    static void insert(JdbcTemplate jdbc, List<SeededComplaint> complaints, String description) {
        String sql = """
                insert into cmp_complaint (reference, stage, channel, received_at, complainant_name, complainant_email,
                    language, product_or_service, description, category, root_cause, in_scope, acknowledged_at,
                    ack_sla_met, assessment_sla_met, first_decided_at, decided_at, response_deadline, outcome,
                    review_round, external_referral, closed_at, closure_reason, response_sla_met, assessed_at)
                values (?, ?, ?, ?, 'Seeded', 'seeded@example.org', 'en', ?, ?, ?, ?, ?,
                    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        for (int from = 0; from < complaints.size(); from += 1000) {
            List<Object[]> batch = complaints.subList(from, Math.min(complaints.size(), from + 1000)).stream()
                    .map(c -> new Object[] {
                        c.reference,
                        c.closedAt == null ? "INVESTIGATION" : "CLOSED",
                        c.channel,
                        ts(c.receivedAt),
                        c.product,
                        description,
                        c.category,
                        c.rootCause,
                        c.inScope,
                        ts(c.acknowledgedAt),
                        c.ackSlaMet,
                        c.assessmentSlaMet,
                        ts(c.firstDecidedAt),
                        ts(c.firstDecidedAt),
                        ts(c.responseDeadline),
                        c.outcome,
                        c.reviewRound,
                        c.externalReferral,
                        ts(c.closedAt),
                        c.closureReason,
                        c.responseSlaMet,
                        c.inScope == null ? null : ts(c.receivedAt.plusSeconds(3600))
                    })
                    .toList();
            jdbc.batchUpdate(sql, batch);
        }
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
