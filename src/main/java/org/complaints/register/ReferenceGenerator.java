package org.complaints.register;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands out complaint references {@code CMP-YYYY-NNNNNN}: unique and never reused. The per-year counter row is
 * incremented inside the registering transaction, so concurrent registrations serialise on that row and a
 * rolled-back registration gives back a number that was never shown to anyone. Rows are never decremented,
 * so a committed reference is never handed out again, even after its complaint has been erased.
 */
@Component
public class ReferenceGenerator {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    public ReferenceGenerator(JdbcClient jdbc, Clock clock, org.complaints.deadlines.DeadlineProperties deadlines) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = deadlines.zone();
    }

    public String next() {
        int year = clock.instant().atZone(zone).getYear();
        int value = increment(year);
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
