package org.complaints.register;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.complaints.deadlines.DeadlineProperties;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** A fresh in-memory H2 database with the application's schema, for the register's plain tests. */
final class H2Register {

    /** The organisation's defaults the register's tests assume (Amsterdam, 17:00, no holidays). */
    static final DeadlineProperties AMSTERDAM = new DeadlineProperties(
            ZoneId.of("Europe/Amsterdam"),
            LocalTime.of(17, 0),
            Set.of(),
            List.of(),
            List.of(),
            1,
            2,
            2,
            10,
            10,
            "R/P7D");

    /**
     * A register on a fresh database at a fixed clock, with one complaint filed ({@code complaintId}); {@code
     * transaction} runs in a transaction, {@code nested} in a new one beside it (requires-new).
     */
    record Filed(
            JdbcDataSource dataSource,
            JdbcClient jdbc,
            Clock clock,
            ComplaintRegister register,
            TransactionTemplate transaction,
            TransactionTemplate nested,
            long complaintId) {}

    private H2Register() {}

    static JdbcDataSource migrated(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/vendor/h2")
                .table("cmp_schema_history")
                .load()
                .migrate();
        return dataSource;
    }

    static Filed withOneComplaint(String name) {
        JdbcDataSource dataSource = migrated(name);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneId.of("UTC"));
        ComplaintRegister register = new ComplaintRegister(
                jdbc,
                new JdbcTemplate(dataSource),
                new ReferenceGenerator(jdbc, dataSource, clock, AMSTERDAM, transactions));
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        TransactionTemplate nested = new TransactionTemplate(transactions);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        long id = transaction.execute(tx -> register.create(new NewComplaint(
                        "web",
                        clock.instant(),
                        null,
                        "Ada",
                        "ada@example.org",
                        null,
                        "en",
                        "Parcel delivery",
                        "The parcel never came.",
                        null,
                        null,
                        null,
                        "medium",
                        "individual",
                        "delivery",
                        false))
                .id());
        return new Filed(dataSource, jdbc, clock, register, transaction, nested, id);
    }
}
