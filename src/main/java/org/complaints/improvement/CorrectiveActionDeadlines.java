package org.complaints.improvement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.complaints.deadlines.DeadlineProperties;
import org.complaints.deadlines.WorkingDayCalendar;
import org.complaints.engine.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The dates of a corrective action (ISO 10002 8.7), on the organisation's working-day calendar. Timers cannot
 * use a calendar of their own, so the diagram's timers and due dates use the dates computed here, e.g.
 * {@code ${correctiveActionDeadlines.managerTaskDue()}}, and process variables the delegates set from it.
 */
@Component("correctiveActionDeadlines")
public class CorrectiveActionDeadlines {

    private final WorkingDayCalendar calendar;
    private final CorrectiveActionProperties properties;
    private final DeadlineProperties deadlines;
    private final Clock clock;

    public CorrectiveActionDeadlines(
            WorkingDayCalendar calendar,
            CorrectiveActionProperties properties,
            DeadlineProperties deadlines,
            Clock clock) {
        this.calendar = calendar;
        this.properties = properties;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** Due date of a complaint manager's task (analysis, plan, effectiveness check) created now. */
    public Date managerTaskDue() {
        return Date.from(calendar.workingDaysAfter(clock.instant(), properties.managerTaskWorkingDays()));
    }

    /**
     * When the plan must be carried out: the end of the requested working day, or the configured number of
     * working days from now when the plan names no date.
     */
    public Instant implementationDue(LocalDate requested, String field) {
        if (requested == null) {
            return calendar.workingDaysAfter(clock.instant(), properties.defaultImplementationWorkingDays());
        }
        if (!calendar.isWorkingDay(requested)) {
            throw new InvalidInputException(field + ": " + requested + " is not a working day");
        }
        Instant due = calendar.endOf(requested);
        if (!due.isAfter(clock.instant())) {
            throw new InvalidInputException(field + ": " + requested + " has already passed");
        }
        return due;
    }

    /**
     * When the owner is reminded: the configured number of working days before the due date; when that has
     * passed already (a short due date), half-way between now and the due date.
     */
    public Instant reminderDate(Instant due) {
        Instant now = clock.instant();
        LocalDate dueDay = due.atZone(deadlines.zone()).toLocalDate();
        Instant reminder = calendar.endOf(calendar.addWorkingDays(dueDay, -properties.reminderWorkingDaysBefore()));
        if (!reminder.isAfter(now)) {
            reminder = due.isAfter(now) ? now.plus(Duration.between(now, due).dividedBy(2)) : now;
        }
        return reminder;
    }

    /** The end of the waiting period after an implementation now: that day's end, or the next working day's. */
    public Instant effectivenessCheckDue() {
        LocalDate day = clock.instant().atZone(deadlines.zone()).toLocalDate().plus(properties.effectivenessWait());
        if (!calendar.isWorkingDay(day)) {
            day = calendar.nextWorkingDay(day);
        }
        return calendar.endOf(day);
    }
}
