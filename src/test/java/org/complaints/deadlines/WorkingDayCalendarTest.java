package org.complaints.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The organisation's working-day calendar (ISO 10002 4.15): Europe/Amsterdam, deadlines at 17:00, weekend
 * Saturday and Sunday, Dutch public holidays. All expected dates are worked out by hand in the comments
 * (CET = UTC+1, CEST = UTC+2; summer time 2026 runs from Sun 29 March to Sun 25 October).
 */
class WorkingDayCalendarTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    // Good Friday, Easter Monday, Christmas, New Year
    static final List<LocalDate> HOLIDAYS = List.of(
            LocalDate.parse("2026-04-03"),
            LocalDate.parse("2026-04-06"),
            LocalDate.parse("2026-12-25"),
            LocalDate.parse("2026-12-26"),
            LocalDate.parse("2027-01-01"));

    static DeadlineProperties properties() {
        return properties(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    }

    static DeadlineProperties properties(Set<DayOfWeek> weekend) {
        return new DeadlineProperties(
                AMSTERDAM, LocalTime.of(17, 0), weekend, List.of(), HOLIDAYS, 1, 2, 2, 10, 5, "R/P7D");
    }

    /** A wall-clock time in Amsterdam, e.g. {@code "2026-11-23T10:00"}. */
    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(AMSTERDAM).toInstant();
    }

    static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    private final WorkingDayCalendar calendar = new WorkingDayCalendar(properties());

    @Nested
    class WorkingDays {

        @Test
        void weekdaysAreWorkingDaysWeekendsAndHolidaysAreNot() {
            assertThat(calendar.isWorkingDay(day("2026-11-23")))
                    .as("Mon 23 Nov")
                    .isTrue();
            assertThat(calendar.isWorkingDay(day("2026-11-27")))
                    .as("Fri 27 Nov")
                    .isTrue();
            assertThat(calendar.isWorkingDay(day("2026-11-28")))
                    .as("Sat 28 Nov")
                    .isFalse();
            assertThat(calendar.isWorkingDay(day("2026-11-29")))
                    .as("Sun 29 Nov")
                    .isFalse();
            assertThat(calendar.isWorkingDay(day("2026-12-24")))
                    .as("Thu 24 Dec")
                    .isTrue();
            assertThat(calendar.isWorkingDay(day("2026-12-25")))
                    .as("Fri 25 Dec, Christmas")
                    .isFalse();
            assertThat(calendar.isWorkingDay(day("2026-04-06")))
                    .as("Mon 6 Apr, Easter Monday")
                    .isFalse();
            assertThat(calendar.isWorkingDay(day("2027-01-01")))
                    .as("Fri 1 Jan 2027")
                    .isFalse();
        }

        @Test
        void theConfiguredWeekendIsUsed() {
            WorkingDayCalendar fridaySaturday =
                    new WorkingDayCalendar(properties(Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY)));
            assertThat(fridaySaturday.isWorkingDay(day("2026-11-27")))
                    .as("Fri 27 Nov")
                    .isFalse();
            assertThat(fridaySaturday.isWorkingDay(day("2026-11-29")))
                    .as("Sun 29 Nov")
                    .isTrue();
            // Thu 26 Nov + 1 working day: Fri and Sat are weekend -> Sun 29 Nov
            assertThat(fridaySaturday.addWorkingDays(day("2026-11-26"), 1)).isEqualTo(day("2026-11-29"));
        }
    }

    @Nested
    class AddWorkingDays {

        @Test
        void zeroDaysIsTheDayItselfEvenWhenItIsNoWorkingDay() {
            assertThat(calendar.addWorkingDays(day("2026-11-23"), 0)).isEqualTo(day("2026-11-23"));
            assertThat(calendar.addWorkingDays(day("2026-11-28"), 0)).isEqualTo(day("2026-11-28"));
        }

        @Test
        void forwardSkipsWeekendsAndHolidays() {
            // Mon 23 Nov + 5: Tue 24 (1), Wed 25 (2), Thu 26 (3), Fri 27 (4), [Sat, Sun], Mon 30 (5)
            assertThat(calendar.addWorkingDays(day("2026-11-23"), 5)).isEqualTo(day("2026-11-30"));
            // Thu 24 Dec + 1: [Fri 25 Christmas, Sat 26, Sun 27], Mon 28 Dec
            assertThat(calendar.addWorkingDays(day("2026-12-24"), 1)).isEqualTo(day("2026-12-28"));
            assertThat(calendar.nextWorkingDay(day("2026-12-24"))).isEqualTo(day("2026-12-28"));
            // Sat 28 Nov + 1: [Sun 29], Mon 30 Nov
            assertThat(calendar.nextWorkingDay(day("2026-11-28"))).isEqualTo(day("2026-11-30"));
        }

        @Test
        void negativeDaysCountBackwardsSkippingWeekendsAndHolidays() {
            // Mon 30 Nov - 1: [Sun 29, Sat 28], Fri 27 Nov
            assertThat(calendar.addWorkingDays(day("2026-11-30"), -1)).isEqualTo(day("2026-11-27"));
            // Mon 28 Dec - 1: [Sun 27, Sat 26, Fri 25 Christmas], Thu 24 Dec; - 2: Wed 23 Dec
            assertThat(calendar.addWorkingDays(day("2026-12-28"), -1)).isEqualTo(day("2026-12-24"));
            assertThat(calendar.addWorkingDays(day("2026-12-28"), -2)).isEqualTo(day("2026-12-23"));
            // Mon 4 Jan 2027 - 1: [Sun 3, Sat 2, Fri 1 Jan New Year], Thu 31 Dec 2026
            assertThat(calendar.addWorkingDays(day("2027-01-04"), -1)).isEqualTo(day("2026-12-31"));
            // Tue 7 Apr - 1: [Mon 6 Easter Monday, Sun 5, Sat 4, Fri 3 Good Friday], Thu 2 Apr
            assertThat(calendar.addWorkingDays(day("2026-04-07"), -1)).isEqualTo(day("2026-04-02"));
            // from a Saturday: Sat 28 Nov - 1 = Fri 27 Nov
            assertThat(calendar.addWorkingDays(day("2026-11-28"), -1)).isEqualTo(day("2026-11-27"));
        }
    }

    @Nested
    class CountingStart {

        @Test
        void aWorkingDayBeforeTheEndOfDayIsItsOwnCountingStart() {
            assertThat(calendar.countingStart(local("2026-11-23T10:00"))).isEqualTo(day("2026-11-23"));
            assertThat(calendar.countingStart(local("2026-11-23T16:59:59"))).isEqualTo(day("2026-11-23"));
        }

        @Test
        void fromTheEndOfDayOnCountingStartsOnTheNextWorkingDay() {
            assertThat(calendar.countingStart(local("2026-11-23T17:00"))).isEqualTo(day("2026-11-24"));
            assertThat(calendar.countingStart(local("2026-11-23T23:30"))).isEqualTo(day("2026-11-24"));
            // Fri 27 Nov 18:00 -> [Sat, Sun] -> Mon 30 Nov
            assertThat(calendar.countingStart(local("2026-11-27T18:00"))).isEqualTo(day("2026-11-30"));
        }

        @Test
        void weekendsAndHolidaysStartOnTheNextWorkingDay() {
            assertThat(calendar.countingStart(local("2026-11-28T11:00")))
                    .as("Sat 28 Nov")
                    .isEqualTo(day("2026-11-30"));
            assertThat(calendar.countingStart(local("2026-12-25T10:00")))
                    .as("Christmas")
                    .isEqualTo(day("2026-12-28"));
            // Thu 24 Dec 17:30 -> [Fri 25, Sat 26, Sun 27] -> Mon 28 Dec
            assertThat(calendar.countingStart(local("2026-12-24T17:30"))).isEqualTo(day("2026-12-28"));
        }

        @Test
        void theEndOfDayIsTheOrganisationsLocalTimeNotUtc() {
            // 16:30 UTC on Mon 23 Nov is 17:30 in Amsterdam (CET): after the end of the working day
            assertThat(calendar.countingStart(Instant.parse("2026-11-23T16:30:00Z")))
                    .isEqualTo(day("2026-11-24"));
            // 15:30 UTC is 16:30 in Amsterdam: still Monday
            assertThat(calendar.countingStart(Instant.parse("2026-11-23T15:30:00Z")))
                    .isEqualTo(day("2026-11-23"));
        }
    }

    @Nested
    class WorkingDaysAfter {

        @Test
        void receivedOnAWorkingDayBeforeFivePmThatDayIsDayZero() {
            Instant received = local("2026-11-23T10:00"); // Mon 23 Nov 10:00 CET = 09:00Z
            // 0 days: end of the day of receipt, Mon 23 Nov 17:00 CET
            assertThat(calendar.workingDaysAfter(received, 0)).isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));
            // 1 day: Tue 24 Nov 17:00 CET = 16:00Z
            assertThat(calendar.workingDaysAfter(received, 1)).isEqualTo(Instant.parse("2026-11-24T16:00:00Z"));
            // 5 days: Tue 24 (1) .. Fri 27 (4), Mon 30 Nov (5), 17:00 CET = 16:00Z
            assertThat(calendar.workingDaysAfter(received, 5)).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
            // one second before the end of the day still counts Monday as day 0
            assertThat(calendar.workingDaysAfter(local("2026-11-23T16:59:59"), 1))
                    .isEqualTo(Instant.parse("2026-11-24T16:00:00Z"));
        }

        @Test
        void receivedAfterFivePmTheNextWorkingDayIsDayZero() {
            // Mon 23 Nov 18:30 CET: counting starts Tue 24 Nov (day 0), so 1 day = Wed 25 Nov 17:00 CET = 16:00Z
            Instant received = local("2026-11-23T18:30");
            assertThat(calendar.workingDaysAfter(received, 1)).isEqualTo(Instant.parse("2026-11-25T16:00:00Z"));
            // 5 days: Wed 25 (1), Thu 26 (2), Fri 27 (3), Mon 30 (4), Tue 1 Dec (5) 17:00 CET = 16:00Z
            assertThat(calendar.workingDaysAfter(received, 5)).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
            // exactly 17:00 is already after working hours
            assertThat(calendar.workingDaysAfter(local("2026-11-23T17:00"), 1))
                    .isEqualTo(Instant.parse("2026-11-25T16:00:00Z"));
            // 0 days: the end of the counting-start day, Tue 24 Nov 17:00 CET
            assertThat(calendar.workingDaysAfter(received, 0)).isEqualTo(Instant.parse("2026-11-24T16:00:00Z"));
            // the cut-off makes a difference: before 17:00 the same Monday gives one working day less
            assertThat(calendar.workingDaysAfter(received, 1))
                    .isAfter(calendar.workingDaysAfter(local("2026-11-23T16:00"), 1));
        }

        @Test
        void receivedOnSaturdayMondayIsDayZero() {
            // Sat 28 Nov 11:00: counting starts Mon 30 Nov (day 0); 1 day = Tue 1 Dec 17:00 CET = 16:00Z
            Instant received = local("2026-11-28T11:00");
            assertThat(calendar.workingDaysAfter(received, 1)).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
            // a Saturday receipt is treated like a receipt on Monday morning
            assertThat(calendar.workingDaysAfter(received, 3))
                    .isEqualTo(calendar.workingDaysAfter(local("2026-11-30T08:00"), 3))
                    .isEqualTo(Instant.parse("2026-12-03T16:00:00Z")); // Thu 3 Dec 17:00 CET
        }

        @Test
        void receivedJustBeforeAPublicHoliday() {
            // Thu 2 Apr 15:00 CEST (day 0); [Good Friday 3, Sat 4, Sun 5, Easter Monday 6]; Tue 7 Apr (1)
            // 17:00 CEST = 15:00Z
            assertThat(calendar.workingDaysAfter(local("2026-04-02T15:00"), 1))
                    .isEqualTo(Instant.parse("2026-04-07T15:00:00Z"));
            // Thu 24 Dec 16:00 CET (day 0); [Fri 25, Sat 26, Sun 27]; Mon 28 Dec (1) 17:00 CET = 16:00Z
            assertThat(calendar.workingDaysAfter(local("2026-12-24T16:00"), 1))
                    .isEqualTo(Instant.parse("2026-12-28T16:00:00Z"));
        }

        @Test
        void receivedAfterHoursJustBeforeAPublicHoliday() {
            // Thu 24 Dec 17:30: counting starts Mon 28 Dec (day 0); Tue 29 Dec (1) 17:00 CET = 16:00Z
            assertThat(calendar.workingDaysAfter(local("2026-12-24T17:30"), 1))
                    .isEqualTo(Instant.parse("2026-12-29T16:00:00Z"));
        }

        @Test
        void acrossAWeekendAndAHoliday() {
            Instant received = local("2026-12-18T10:00"); // Fri 18 Dec 10:00 CET, day 0
            // [Sat 19, Sun 20], Mon 21 (1), Tue 22 (2), Wed 23 (3), Thu 24 (4), [Fri 25, Sat 26, Sun 27], Mon 28 (5)
            assertThat(calendar.workingDaysAfter(received, 5)).isEqualTo(Instant.parse("2026-12-28T16:00:00Z"));
            // ... Tue 29 (6), Wed 30 (7), Thu 31 (8), [Fri 1 Jan, Sat 2, Sun 3], Mon 4 (9), Tue 5 Jan 2027 (10)
            assertThat(calendar.workingDaysAfter(received, 10)).isEqualTo(Instant.parse("2027-01-05T16:00:00Z"));
        }

        @Test
        void deadlinesFallAtFivePmLocalOnBothSidesOfTheAutumnClockChange() {
            // Thu 22 Oct 10:00 CEST (08:00Z), day 0
            Instant received = local("2026-10-22T10:00");
            // 1 day: Fri 23 Oct 17:00 CEST (UTC+2) = 15:00Z
            Instant friday = calendar.workingDaysAfter(received, 1);
            assertThat(friday).isEqualTo(Instant.parse("2026-10-23T15:00:00Z"));
            // 2 days: clocks go back on Sun 25 Oct; Mon 26 Oct 17:00 CET (UTC+1) = 16:00Z
            Instant monday = calendar.workingDaysAfter(received, 2);
            assertThat(monday).isEqualTo(Instant.parse("2026-10-26T16:00:00Z"));
            assertThat(friday.atZone(AMSTERDAM).toLocalTime()).isEqualTo(LocalTime.of(17, 0));
            assertThat(monday.atZone(AMSTERDAM).toLocalTime()).isEqualTo(LocalTime.of(17, 0));
        }

        @Test
        void deadlinesFallAtFivePmLocalOnBothSidesOfTheSpringClockChange() {
            // Fri 27 Mar 10:00 CET (09:00Z), day 0
            Instant received = local("2026-03-27T10:00");
            // 0 days: Fri 27 Mar 17:00 CET (UTC+1) = 16:00Z
            assertThat(calendar.workingDaysAfter(received, 0)).isEqualTo(Instant.parse("2026-03-27T16:00:00Z"));
            // 1 day: clocks go forward on Sun 29 Mar; Mon 30 Mar 17:00 CEST (UTC+2) = 15:00Z
            Instant monday = calendar.workingDaysAfter(received, 1);
            assertThat(monday).isEqualTo(Instant.parse("2026-03-30T15:00:00Z"));
            assertThat(monday.atZone(AMSTERDAM).toLocalTime()).isEqualTo(LocalTime.of(17, 0));
        }

        @Test
        void endOfIsFivePmInTheOrganisationsZone() {
            assertThat(calendar.endOf(day("2026-11-24"))).isEqualTo(Instant.parse("2026-11-24T16:00:00Z")); // CET
            assertThat(calendar.endOf(day("2026-07-01"))).isEqualTo(Instant.parse("2026-07-01T15:00:00Z")); // CEST
        }
    }
}
