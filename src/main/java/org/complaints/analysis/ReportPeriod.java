package org.complaints.analysis;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.complaints.engine.InvalidInputException;

/**
 * The days a report covers, both included, in the organisation's time zone; complaints belong to the period in
 * which they were received (cohort), so a period's figures do not change once its complaints are closed.
 */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {

    /** Longer periods are refused: a chart of more than ten years of days says nothing. */
    static final long MAX_DAYS = 3700;

    public ReportPeriod {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to: the period ends before it starts");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new InvalidInputException("to: a period can be at most ten years long");
        }
    }

    /** From the request parameters {@code from} and {@code to} (YYYY-MM-DD). */
    public static ReportPeriod parse(String from, String to, ZoneId zone) {
        return new ReportPeriod(date("from", from), date("to", to), zone);
    }

    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name + ": give a date as YYYY-MM-DD");
        }
    }
}
