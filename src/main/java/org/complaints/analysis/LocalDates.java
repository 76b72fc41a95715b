package org.complaints.analysis;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.complaints.deadlines.DeadlineProperties;
import org.springframework.stereotype.Component;

/**
 * The SQL for "the organisation's calendar day of a timestamp", the one expression the reports cannot write the
 * same way on both databases: H2 converts {@code at time zone} results back to the session's zone when cast to a
 * date, PostgreSQL does not.
 */
@Component
class LocalDates {

    private final String zone;
    private final boolean h2;

    LocalDates(DataSource dataSource, DeadlineProperties deadlines) throws SQLException {
        // a ZoneId's text is letters, digits, '/', '_', '+', '-': safe to put into SQL as a literal
        this.zone = deadlines.zone().getId();
        if (!zone.matches("[A-Za-z0-9/_+\\-:]+")) {
            throw new IllegalStateException("Unexpected time zone id " + zone);
        }
        try (Connection connection = dataSource.getConnection()) {
            this.h2 = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
        }
    }

    ZoneId zone() {
        return ZoneId.of(zone);
    }

    /** SQL giving the local date (type date) of a timestamp-with-time-zone column. */
    String dayOf(String column) {
        return h2 ? "cast(formatdatetime(" + column + ", 'yyyy-MM-dd', 'en', '" + zone + "') as date)"
                : "cast(" + column + " at time zone '" + zone + "' as date)";
    }
}
