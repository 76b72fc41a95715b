package org.complaints.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads the values Camunda Forms and REST clients put into variables, in whatever shape they arrive
 * (form-js sends dates as strings, numbers as Long or Double, booleans sometimes as strings), and turns a value
 * of the wrong shape into a readable {@link InvalidInputException} instead of a ClassCastException.
 */
public final class FormValues {

    private final VariableScope scope;

    private FormValues(VariableScope scope) {
        this.scope = scope;
    }

    public static FormValues of(VariableScope scope) {
        return new FormValues(scope);
    }

    /** The trimmed text, or null when absent or blank. */
    public String text(String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    public boolean flag(String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().strip().toLowerCase();
        return switch (text) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0", "" -> false;
            default -> throw new InvalidInputException(name + ": '" + value + "' is not yes or no");
        };
    }

    public Long id(String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + ": '" + value + "' is not a number");
        }
    }

    public Integer integer(String name) {
        Long value = id(name);
        return value == null ? null : Math.toIntExact(value);
    }

    public BigDecimal amount(String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + ": '" + value + "' is not an amount");
        }
    }

    public LocalDate date(String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date d) {
            return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        String text = value.toString().strip();
        try {
            return text.length() > 10 ? OffsetDateTime.parse(text).toLocalDate() : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name + ": '" + value + "' is not a date (expected YYYY-MM-DD)");
        }
    }

    public Instant instant(String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        try {
            return OffsetDateTime.parse(value.toString().strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name + ": '" + value + "' is not a date and time");
        }
    }
}
