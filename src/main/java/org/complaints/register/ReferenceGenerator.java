package org.complaints.register;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out complaint references {@code CMP-YYYY-NNNNNN}: unique and never reused. The per-year counter row is
 * incremented in a short transaction of its own: inside the registering transaction every registration would hold
 * the row lock until the whole intake (process start, assessment rules, first e-mail) commits, and concurrent
 * registrations would queue behind it (the benchmark saw intake capped near 40/s). The price: a registration that
 * fails after taking its number leaves a gap; the number was never shown to anyone. Rows are never decremented, so a
 * reference is never handed out again, even after its complaint has been erased.
 */
@Component
public class ReferenceGenerator {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final TransactionTemplate ownTransaction;

    public ReferenceGenerator(JdbcClient jdbc, Clock clock, org.complaints.deadlines.DeadlineProperties deadlines,
                              PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = deadlines.zone();
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public String next() {
        int year = clock.instant().atZone(zone).getYear();
        int value = ownTransaction.execute(tx -> increment(year));
        if (value > 999_999) {
            throw new IllegalStateException("Complaint references for " + year + " are exhausted");
        }
        return String.format("CMP-%04d-%06d", year, value);
    }

    private int increment(int year) {
        int updated = jdbc.sql("update cmp_reference_counter set last_value = last_value + 1 where ref_year = ?")
                .param(year).update();
        if (updated != 1) {
            throw new IllegalStateException("No reference counter for the year " + year
                    + "; add a row to cmp_reference_counter with a migration");
        }
        return jdbc.sql("select last_value from cmp_reference_counter where ref_year = ?")
                .param(year).query(Integer.class).single();
    }
}
