package org.complaints.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.complaints.deadlines.WorkingDayCalendarTest.AMSTERDAM;
import static org.complaints.deadlines.WorkingDayCalendarTest.local;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/**
 * The stage deadlines (ISO 10002 4.15) with a fixed clock. Properties as in {@link WorkingDayCalendarTest}:
 * acknowledgement 1, assessment 2, reminder 2 working days before, reaction 10, review 5 working days.
 * Expected dates worked out by hand (CET = UTC+1, CEST = UTC+2).
 */
class DeadlinesTest {

    private static final int REFERRAL_DAYS = 5;

    private final DeadlineProperties properties = WorkingDayCalendarTest.properties();
    private final WorkingDayCalendar calendar = new WorkingDayCalendar(properties);

    private Deadlines at(String localNow) {
        return new Deadlines(
                calendar, properties, Clock.fixed(local(localNow), AMSTERDAM), new RecourseTimeLimits(REFERRAL_DAYS));
    }

    @Test
    void responseDeadlineIsTheEndOfTheNthWorkingDayAfterReceipt() {
        Deadlines deadlines = at("2026-11-23T10:00");
        // Mon 23 Nov 10:00 CET is day 0; 15 working days: Nov 24..27 (1-4), Nov 30..Dec 4 (5-9),
        // Dec 7..11 (10-14), Mon 14 Dec (15) 17:00 CET = 16:00Z
        assertThat(deadlines.responseDeadline(local("2026-11-23T10:00"), 15))
                .isEqualTo(Instant.parse("2026-12-14T16:00:00Z"));
        // 5 working days from Fri 18 Dec: Mon 21 .. Thu 24 (1-4), [Christmas + weekend], Mon 28 Dec (5)
        assertThat(deadlines.responseDeadline(local("2026-12-18T10:00"), 5))
                .isEqualTo(Instant.parse("2026-12-28T16:00:00Z"));
    }

    @Test
    void referralAnswerDeadlineCountsTheConfiguredWorkingDaysFromNow() {
        // 5 working days from Mon 23 Nov 10:00 CET: Nov 24..27 (1-4), Mon 30 Nov (5) 17:00 CET = 16:00Z
        assertThat(at("2026-11-23T10:00").referralAnswerDeadline().toInstant())
                .isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
    }

    @Test
    void responseDeadlineRejectsLessThanOneWorkingDay() {
        Deadlines deadlines = at("2026-11-23T10:00");
        Instant received = local("2026-11-23T10:00");
        assertThatThrownBy(() -> deadlines.responseDeadline(received, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one working day");
        assertThatThrownBy(() -> deadlines.responseDeadline(received, -3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-3");
        // the smallest allowed value works: Tue 24 Nov 17:00 CET
        assertThat(deadlines.responseDeadline(received, 1)).isEqualTo(Instant.parse("2026-11-24T16:00:00Z"));
    }

    @Test
    void responseDeadlineAcrossTheAutumnClockChangeIsFivePmLocal() {
        // Thu 22 Oct 10:00 CEST (day 0); Fri 23 (1), [Sat 24, Sun 25: clocks go back], Mon 26 Oct (2) 17:00 CET
        Instant deadline = at("2026-10-22T10:00").responseDeadline(local("2026-10-22T10:00"), 2);
        assertThat(deadline).isEqualTo(Instant.parse("2026-10-26T16:00:00Z"));
        assertThat(deadline.atZone(AMSTERDAM).toLocalTime()).isEqualTo(LocalTime.of(17, 0));
    }

    @Test
    void acknowledgementAndAssessmentDueUseTheirConfiguredWorkingDays() {
        Deadlines deadlines = at("2026-11-23T10:00");
        Instant received = local("2026-11-23T10:00");
        // acknowledgement 1 day: Tue 24 Nov 17:00 CET; assessment 2 days: Wed 25 Nov 17:00 CET
        assertThat(deadlines.acknowledgementDue(received)).isEqualTo(Instant.parse("2026-11-24T16:00:00Z"));
        assertThat(deadlines.assessmentDue(received)).isEqualTo(Instant.parse("2026-11-25T16:00:00Z"));
        // received Thu 24 Dec 11:00: acknowledgement after Christmas weekend, Mon 28 Dec 17:00 CET
        assertThat(deadlines.acknowledgementDue(local("2026-12-24T11:00")))
                .isEqualTo(Instant.parse("2026-12-28T16:00:00Z"));
    }

    @Test
    void reminderIsTheConfiguredWorkingDaysBeforeTheDeadline() {
        Deadlines deadlines = at("2026-11-23T10:00");
        // deadline Mon 14 Dec 17:00 CET; 2 working days before: Fri 11 (1), Thu 10 Dec (2) 17:00 CET = 16:00Z
        assertThat(deadlines.reminderDate(Instant.parse("2026-12-14T16:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-10T16:00:00Z"));
        // deadline Mon 28 Dec 17:00 CET; [Sun 27, Sat 26, Fri 25 Christmas], Thu 24 (1), Wed 23 Dec (2)
        assertThat(deadlines.reminderDate(Instant.parse("2026-12-28T16:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-23T16:00:00Z"));
    }

    @Test
    void shortDeadlineRemindsHalfWayBetweenNowAndTheDeadline() {
        // now Mon 23 Nov 10:00 CET = 09:00Z; deadline Tue 24 Nov 17:00 CET = 16:00Z.
        // 2 working days before the deadline is Fri 20 Nov 17:00, already past -> half-way:
        // 31 h between now and the deadline, half is 15 h 30 min -> Tue 24 Nov 00:30Z (01:30 CET)
        Deadlines deadlines = at("2026-11-23T10:00");
        Instant deadline = Instant.parse("2026-11-24T16:00:00Z");
        Instant reminder = deadlines.reminderDate(deadline);
        assertThat(reminder).isEqualTo(Instant.parse("2026-11-24T00:30:00Z"));
        assertThat(reminder).isAfter(local("2026-11-23T10:00")).isBefore(deadline);
    }

    @Test
    void reminderExactlyNowAlsoMovesHalfWay() {
        // now Fri 20 Nov 17:00 CET = 16:00Z is exactly 2 working days before Tue 24 Nov 17:00 CET:
        // a timer at "now" would fire at once, so half-way: 96 h / 2 = 48 h -> Sun 22 Nov 16:00Z
        Deadlines deadlines = at("2026-11-20T17:00");
        assertThat(deadlines.reminderDate(Instant.parse("2026-11-24T16:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-22T16:00:00Z"));
    }

    @Test
    void reminderForADeadlineAlreadyPassedIsNow() {
        Deadlines deadlines = at("2026-11-25T09:00");
        assertThat(deadlines.reminderDate(Instant.parse("2026-11-24T16:00:00Z")))
                .isEqualTo(local("2026-11-25T09:00"));
    }

    @Test
    void reactionAndReviewDeadlinesCountFromNow() {
        Deadlines deadlines = at("2026-11-23T10:00");
        // reaction 10 working days from Mon 23 Nov: Nov 24..27 (1-4), Nov 30..Dec 4 (5-9), Mon 7 Dec (10)
        assertThat(deadlines.reactionDeadline().toInstant()).isEqualTo(Instant.parse("2026-12-07T16:00:00Z"));
        // review 5 working days: Mon 30 Nov 17:00 CET
        assertThat(deadlines.reviewDue().toInstant()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(deadlines.reactionDays()).isEqualTo(10);
        assertThat(deadlines.statusUpdateCycle()).isEqualTo("R/P7D");
    }
}
