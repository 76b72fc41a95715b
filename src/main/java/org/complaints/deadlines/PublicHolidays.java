package org.complaints.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.chrono.HijrahChronology;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Built-in public holiday calendars (ISO 10002 4.15: time limits in working days), computed for any year, so
 * nobody has to extend a list every January. Days an organisation closes on besides these (a bridge day, a
 * one-off bank holiday) go in {@code complaints.deadlines.holidays}.
 */
public enum PublicHolidays {

    /** The Netherlands: the days of the Algemene termijnenwet, which extend legal time limits. */
    NL("Netherlands (Algemene termijnenwet)") {
        @Override
        Set<LocalDate> of(int year) {
            LocalDate easter = easter(year);
            LocalDate kingsDay = LocalDate.of(year, Month.APRIL, 27);
            return Set.of(
                    LocalDate.of(year, 1, 1),
                    easter.plusDays(1),
                    kingsDay.getDayOfWeek() == DayOfWeek.SUNDAY ? kingsDay.minusDays(1) : kingsDay,
                    LocalDate.of(year, Month.MAY, 5),
                    easter.plusDays(39),
                    easter.plusDays(50),
                    LocalDate.of(year, 12, 25),
                    LocalDate.of(year, 12, 26));
        }
    },

    /** England and Wales: bank holidays, with the substitute days when one falls at a weekend. */
    UK("United Kingdom (England and Wales)") {
        @Override
        Set<LocalDate> of(int year) {
            LocalDate easter = easter(year);
            Set<LocalDate> days = new HashSet<>(Set.of(
                    substitute(LocalDate.of(year, 1, 1)),
                    easter.minusDays(2),
                    easter.plusDays(1),
                    LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)),
                    LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
                    LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY))));
            days.addAll(christmas(year));
            return days;
        }
    },

    /** Estonia: riigipühad (public holidays); no substitute days. */
    EE("Estonia") {
        @Override
        Set<LocalDate> of(int year) {
            LocalDate easter = easter(year);
            return Set.of(
                    LocalDate.of(year, 1, 1),
                    LocalDate.of(year, 2, 24),
                    easter.minusDays(2),
                    easter,
                    LocalDate.of(year, 5, 1),
                    easter.plusDays(49),
                    LocalDate.of(year, 6, 23),
                    LocalDate.of(year, 6, 24),
                    LocalDate.of(year, 8, 20),
                    LocalDate.of(year, 12, 24),
                    LocalDate.of(year, 12, 25),
                    LocalDate.of(year, 12, 26));
        }
    },

    /**
     * Türkiye: the national days, and Ramazan and Kurban Bayramı from the Hijri calendar (Umm al-Qura, which
     * matched the Diyanet's dates for 2024-2026); the half-day eves stay working days. Should the announced dates
     * differ in a year, add them in {@code complaints.deadlines.holidays}.
     */
    TR("Türkiye") {
        @Override
        Set<LocalDate> of(int year) {
            Set<LocalDate> days = new HashSet<>(Set.of(
                    LocalDate.of(year, 1, 1),
                    LocalDate.of(year, 4, 23),
                    LocalDate.of(year, 5, 1),
                    LocalDate.of(year, 5, 19),
                    LocalDate.of(year, 7, 15),
                    LocalDate.of(year, 8, 30),
                    LocalDate.of(year, 10, 29)));
            // a Gregorian year holds parts of two Hijri years
            int hijri = HijrahDate.from(LocalDate.of(year, 1, 1)).get(ChronoField.YEAR);
            for (int h = hijri; h <= hijri + 1; h++) {
                feast(days, year, h, 10, 1, 3); // Ramazan Bayramı: 1-3 Shawwal
                feast(days, year, h, 12, 10, 4); // Kurban Bayramı: 10-13 Dhu al-Hijjah
            }
            return days;
        }
    };

    private final String description;

    PublicHolidays(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    abstract Set<LocalDate> of(int year);

    /** The calendar by its configured code (NL, UK, EE, TR), with a readable refusal for any other. */
    public static PublicHolidays byCode(String code) {
        try {
            return valueOf(code.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("complaints.deadlines.holiday-calendars: unknown calendar '" + code
                    + "'; built in are "
                    + Arrays.stream(values())
                            .map(c -> c.name() + " (" + c.description + ")")
                            .collect(Collectors.joining(", ")));
        }
    }

    /** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    /** A holiday at a weekend moves to the following Monday. */
    private static LocalDate substitute(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.plusDays(2);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
    }

    /** Christmas Day and Boxing Day, each at a weekend replaced by the next free weekday. */
    private static Set<LocalDate> christmas(int year) {
        LocalDate christmas = LocalDate.of(year, 12, 25);
        return switch (christmas.getDayOfWeek()) {
            case FRIDAY -> Set.of(christmas, christmas.plusDays(3));
            case SATURDAY -> Set.of(christmas.plusDays(2), christmas.plusDays(3));
            case SUNDAY -> Set.of(christmas.plusDays(1), christmas.plusDays(2));
            default -> Set.of(christmas, christmas.plusDays(1));
        };
    }

    private static void feast(Set<LocalDate> days, int year, int hijriYear, int month, int firstDay, int length) {
        try {
            LocalDate start = LocalDate.from(HijrahChronology.INSTANCE.date(hijriYear, month, firstDay));
            for (int i = 0; i < length; i++) {
                if (start.plusDays(i).getYear() == year) {
                    days.add(start.plusDays(i));
                }
            }
        } catch (java.time.DateTimeException outsideTheCalendarsData) {
            // the Umm al-Qura data cover 1882-2174; outside them only the configured days count
        }
    }
}
