package org.complaints.register;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.complaints.deadlines.DeadlineProperties;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh in-memory H2 database with the application's schema, for the register's plain tests. */
final class H2Register {

    /** The organisation's defaults the register's tests assume (Amsterdam, 17:00, no holidays). */
    static final DeadlineProperties AMSTERDAM = new DeadlineProperties(ZoneId.of("Europe/Amsterdam"),
            LocalTime.of(17, 0), Set.of(), List.of(), List.of(), 1, 2, 2, 10, 10, "R/P7D");

    private H2Register() {
    }

    static JdbcDataSource migrated(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .table("cmp_schema_history").load().migrate();
        return dataSource;
    }
}
