package org.complaints.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The built-in calendars against the days the governments published (not against the rules the code uses), and
 * the working-day calendar skipping them.
 */
class PublicHolidaysTest {

    private static Set<LocalDate> days(String... dates) {
        return java.util.Arrays.stream(dates).map(LocalDate::parse).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void easterSundaysAsPublished() {
        assertThat(PublicHolidays.easter(2024)).isEqualTo("2024-03-31");
        assertThat(PublicHolidays.easter(2025)).isEqualTo("2025-04-20");
        assertThat(PublicHolidays.easter(2026)).isEqualTo("2026-04-05");
        assertThat(PublicHolidays.easter(2027)).isEqualTo("2027-03-28");
        assertThat(PublicHolidays.easter(2038)).isEqualTo("2038-04-25");
    }

    @Test
    void netherlands2026() {
        // Rijksoverheid: Nieuwjaarsdag, 2e Paasdag, Koningsdag, Bevrijdingsdag, Hemelvaart, 2e Pinksterdag, Kerst
        assertThat(PublicHolidays.NL.of(2026))
                .isEqualTo(days(
                        "2026-01-01",
                        "2026-04-06",
                        "2026-04-27",
                        "2026-05-05",
                        "2026-05-14",
                        "2026-05-25",
                        "2026-12-25",
                        "2026-12-26"));
        // King's Day on a Sunday moves to Saturday (2025: 26 April)
        assertThat(PublicHolidays.NL.of(2025))
                .contains(LocalDate.parse("2025-04-26"))
                .doesNotContain(LocalDate.parse("2025-04-27"));
    }

    @Test
    void englandAndWales2026And2027WithSubstituteDays() {
        // gov.uk/bank-holidays
        assertThat(PublicHolidays.UK.of(2026))
                .isEqualTo(days(
                        "2026-01-01",
                        "2026-04-03",
                        "2026-04-06",
                        "2026-05-04",
                        "2026-05-25",
                        "2026-08-31",
                        "2026-12-25",
                        "2026-12-28"));
        assertThat(PublicHolidays.UK.of(2027))
                .isEqualTo(days(
                        "2027-01-01",
                        "2027-03-26",
                        "2027-03-29",
                        "2027-05-03",
                        "2027-05-31",
                        "2027-08-30",
                        "2027-12-27",
                        "2027-12-28"));
    }

    @Test
    void estonia2026() {
        assertThat(PublicHolidays.EE.of(2026))
                .isEqualTo(days(
                        "2026-01-01",
                        "2026-02-24",
                        "2026-04-03",
                        "2026-04-05",
                        "2026-05-01",
                        "2026-05-24",
                        "2026-06-23",
                        "2026-06-24",
                        "2026-08-20",
                        "2026-12-24",
                        "2026-12-25",
                        "2026-12-26"));
    }

    @Test
    void turkiye2025And2026WithBothFeasts() {
        // resmî tatiller as announced: Ramazan Bayramı 30 Mar-1 Apr 2025, Kurban Bayramı 6-9 Jun 2025;
        // 20-22 Mar 2026 and 27-30 May 2026
        assertThat(PublicHolidays.TR.of(2025))
                .containsAll(days(
                        "2025-01-01",
                        "2025-03-30",
                        "2025-03-31",
                        "2025-04-01",
                        "2025-04-23",
                        "2025-05-01",
                        "2025-05-19",
                        "2025-06-06",
                        "2025-06-07",
                        "2025-06-08",
                        "2025-06-09",
                        "2025-07-15",
                        "2025-08-30",
                        "2025-10-29"))
                .hasSize(14);
        assertThat(PublicHolidays.TR.of(2026))
                .containsAll(days(
                        "2026-03-20",
                        "2026-03-21",
                        "2026-03-22",
                        "2026-05-27",
                        "2026-05-28",
                        "2026-05-29",
                        "2026-05-30"))
                .hasSize(14);
    }

    @Test
    void workingDaysSkipTheConfiguredCalendarsAndTheExtraDays() {
        DeadlineProperties properties = new DeadlineProperties(
                ZoneId.of("Europe/London"),
                LocalTime.of(17, 0),
                Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                List.of("uk"),
                List.of(LocalDate.parse("2026-12-29")),
                1,
                2,
                2,
                10,
                5,
                "R/P7D");
        WorkingDayCalendar calendar = new WorkingDayCalendar(properties);
        // Thu 24 Dec 2026 + 1 working day: Fri 25 (Christmas), Mon 28 (Boxing Day substitute), Tue 29 (extra day off)
        assertThat(calendar.addWorkingDays(LocalDate.parse("2026-12-24"), 1)).isEqualTo("2026-12-30");
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-08-30"))).isFalse();
    }

    @Test
    void anUnknownCalendarIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> PublicHolidays.byCode("FR"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown calendar 'FR'")
                .hasMessageContaining("NL (Netherlands");
    }
}
