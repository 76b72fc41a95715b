package org.complaints.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Where PostgreSQL's time goes, statement by statement, when the server was started with
 * {@code -Dbench.postgres.shared_preload_libraries=pg_stat_statements}: reset before a row, read after it. Only
 * execution time counts there (not parsing, commits or writing the WAL), so the figures rank statements rather
 * than add up to PostgreSQL's CPU time.
 */
final class PgStatements {

    private final Callable<Connection> superuser;
    private final boolean available;

    PgStatements(Callable<Connection> superuser) {
        this.superuser = superuser;
        boolean loaded;
        try (Connection connection = superuser.call();
                Statement statement = connection.createStatement()) {
            try (ResultSet libraries = statement.executeQuery("show shared_preload_libraries")) {
                loaded = libraries.next() && libraries.getString(1).contains("pg_stat_statements");
            }
            if (loaded) {
                statement.execute("create extension if not exists pg_stat_statements");
            }
        } catch (Exception e) {
            loaded = false;
        }
        this.available = loaded;
    }

    void reset() throws Exception {
        if (available) {
            try (Connection connection = superuser.call();
                    Statement statement = connection.createStatement()) {
                statement.execute("select pg_stat_statements_reset()");
            }
        }
    }

    /** The statements that took most execution time since {@link #reset()}, per operation; empty if not loaded. */
    Optional<String> top(String what, int limit, long operations) throws Exception {
        if (!available) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder(what + ": PostgreSQL's execution time per operation by statement "
                + "(pg_stat_statements; most first): ");
        try (Connection connection = superuser.call();
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("select sum(total_exec_time) over () as all_ms, total_exec_time,"
                                + " calls, rows, query from pg_stat_statements order by total_exec_time desc limit "
                                + limit)) {
            boolean first = true;
            while (rows.next()) {
                if (first) {
                    text.append(String.format("all statements %.2f ms; ", rows.getDouble("all_ms") / operations));
                    first = false;
                }
                text.append(String.format(
                        "`%s` %.3f ms, %.1f calls, %.1f rows; ",
                        shorten(rows.getString("query")),
                        rows.getDouble("total_exec_time") / operations,
                        rows.getDouble("calls") / operations,
                        rows.getDouble("rows") / operations));
            }
        } catch (SQLException e) {
            return Optional.of(what + ": pg_stat_statements could not be read (" + e.getMessage() + ")");
        }
        return Optional.of(text.toString());
    }

    private static String shorten(String query) {
        String oneLine = query.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 90 ? oneLine.substring(0, 90) : oneLine;
    }
}
