package org.complaints.assessment;

import java.time.Clock;
import java.util.Date;
import org.complaints.deadlines.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * Dates of the out-of-scope open period in working days (ISO 10002 4.15), for the diagram's timer and due date
 * expressions ({@code ${scopeDeadlines.reviewDue()}}).
 */
@Component("scopeDeadlines")
public class ScopeDeadlines {

    private final WorkingDayCalendar calendar;
    private final ScopeDeadlineProperties properties;
    private final Clock clock;

    public ScopeDeadlines(WorkingDayCalendar calendar, ScopeDeadlineProperties properties, Clock clock) {
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    /** Until when a complainant told now that the complaint is out of scope can still react. */
    public Date openUntil() {
        return Date.from(calendar.workingDaysAfter(clock.instant(), properties.openDays()));
    }

    /** Due date of a complaint manager's review of a reaction that arrives now. */
    public Date reviewDue() {
        return Date.from(calendar.workingDaysAfter(clock.instant(), properties.reviewDays()));
    }
}
