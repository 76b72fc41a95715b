package org.complaints.register;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out complaint references {@code CMP-YYYY-NNNNNN}: unique and never reused. The per-year counter row is
 * incremented and read by one statement that commits on its own (auto-commit, outside the caller's transaction):
 * the row lock lasts as long as that statement inside the database, never across a round trip to the application.
 * Inside the registering transaction every registration would hold the lock until the whole intake (process start,
 * assessment rules, first e-mail) commits, which caps intake; in a short transaction of its own, update, read and
 * commit would be three round trips under the lock, and with busy cores registrations queue behind a thread
 * waiting for its core (bench/FINDINGS.md, 'reference counter'). The price: a
 * registration that fails after taking its number leaves a gap; the number was never shown to anyone. Rows are
 * never decremented, so a reference is never handed out again, even after its complaint has been erased.
 */
@Component
public class ReferenceGenerator {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Clock clock;
    private final ZoneId zone;
    private final TransactionTemplate outsideTransaction;
    private volatile String increment;

    public ReferenceGenerator(
            JdbcClient jdbc,
            DataSource dataSource,
            Clock clock,
            org.complaints.deadlines.DeadlineProperties deadlines,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.clock = clock;
        this.zone = deadlines.zone();
        this.outsideTransaction = new TransactionTemplate(transactions);
        this.outsideTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    public String next() {
        int year = clock.instant().atZone(zone).getYear();
        Integer value = outsideTransaction.execute(tx -> jdbc.sql(increment())
                .param(year)
                .query(Integer.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("No reference counter for the year " + year
                        + "; add a row to cmp_reference_counter with a migration")));
        if (value > 999_999) {
            throw new IllegalStateException("Complaint references for " + year + " are exhausted");
        }
        return String.format("CMP-%04d-%06d", year, value);
    }

    /** The increment that returns the new value, in the database's own words. */
    private String increment() {
        if (increment == null) {
            String database;
            try {
                database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            } catch (MetaDataAccessException e) {
                throw new IllegalStateException("Cannot tell which database holds the reference counter", e);
            }
            increment = "PostgreSQL".equals(database)
                    ? "update cmp_reference_counter set last_value = last_value + 1 where ref_year = ? returning last_value"
                    : "select last_value from final table (update cmp_reference_counter set last_value = last_value + 1 "
                            + "where ref_year = ?)";
        }
        return increment;
    }
}
