package org.complaints.deadlines;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The one place where the stage deadlines are computed (ISO 10002 4.15). Timers and due dates in the
 * diagram call it by the bean name {@code deadlines}, e.g. {@code ${deadlines.reviewDue()}}; the e-mails and
 * the register use the same methods, so every surface shows the same date.
 */
@Component("deadlines")
public class Deadlines {

    private final WorkingDayCalendar calendar;
    private final DeadlineProperties properties;
    private final Clock clock;
    private final RecourseTimeLimits recourse;

    public Deadlines(
            WorkingDayCalendar calendar, DeadlineProperties properties, Clock clock, RecourseTimeLimits recourse) {
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
        this.recourse = recourse;
    }

    /** The committed response date: the end of the {@code responseDays}-th working day after receipt. */
    public Instant responseDeadline(Instant receivedAt, int responseDays) {
        if (responseDays < 1) {
            throw new IllegalArgumentException(
                    "A response deadline needs at least one working day, got " + responseDays);
        }
        return calendar.workingDaysAfter(receivedAt, responseDays);
    }

    public Instant acknowledgementDue(Instant receivedAt) {
        return calendar.workingDaysAfter(receivedAt, properties.acknowledgementDays());
    }

    public Instant assessmentDue(Instant receivedAt) {
        return calendar.workingDaysAfter(receivedAt, properties.assessmentDays());
    }

    /**
     * When handlers are reminded: the configured number of working days before the deadline; when that moment
     * has already passed (short deadlines), half-way between now and the deadline.
     */
    public Instant reminderDate(Instant deadline) {
        Instant now = clock.instant();
        LocalDate deadlineDay = deadline.atZone(properties.zone()).toLocalDate();
        Instant reminder = calendar.endOf(calendar.addWorkingDays(deadlineDay, -properties.reminderDaysBefore()));
        if (!reminder.isAfter(now)) {
            reminder = deadline.isAfter(now)
                    ? now.plus(Duration.between(now, deadline).dividedBy(2))
                    : now;
        }
        return reminder;
    }

    /** Until when the complainant can react to a decision sent now. */
    public Date reactionDeadline() {
        return Date.from(calendar.workingDaysAfter(clock.instant(), properties.reactionDays()));
    }

    /** Until when the complainant can react to a decision that reached them at {@code deliveredAt}. */
    public Date reactionDeadline(Instant deliveredAt) {
        return Date.from(calendar.workingDaysAfter(deliveredAt, properties.reactionDays()));
    }

    /** Due date of an internal review that starts now. */
    public Date reviewDue() {
        return Date.from(calendar.workingDaysAfter(clock.instant(), properties.reviewDays()));
    }

    /** Until when a complainant asked now can say whether they take the complaint to the external body. */
    public Date referralAnswerDeadline() {
        return Date.from(calendar.workingDaysAfter(clock.instant(), recourse.referralAnswerDays()));
    }

    /** The repeating interval of status e-mails, e.g. {@code R/P7D}. */
    public String statusUpdateCycle() {
        return properties.statusUpdateCycle();
    }

    public int reactionDays() {
        return properties.reactionDays();
    }
}
