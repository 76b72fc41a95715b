package org.complaints.deadlines;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Working days of the organisation: weekends and configured public holidays excluded (ISO 10002 4.15). */
@Component
public class WorkingDayCalendar {

    private final DeadlineProperties properties;
    private final Set<LocalDate> holidays;
    private final List<PublicHolidays> calendars;
    // the built-in calendars' days per year, computed once per year asked for
    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    public WorkingDayCalendar(DeadlineProperties properties) {
        this.properties = properties;
        this.holidays = new HashSet<>(properties.holidays());
        this.calendars = properties.holidayCalendars().stream()
                .map(PublicHolidays::byCode)
                .toList();
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return !properties.weekend().contains(dow)
                && !holidays.contains(day)
                && !publicHolidays(day.getYear()).contains(day);
    }

    /** The built-in calendars' public holidays of {@code year}. */
    public Set<LocalDate> publicHolidays(int year) {
        return byYear.computeIfAbsent(year, y -> {
            Set<LocalDate> days = new HashSet<>();
            calendars.forEach(calendar -> days.addAll(calendar.of(y)));
            return Set.copyOf(days);
        });
    }

    /**
     * The working day on which counting starts for something that happened at {@code moment}: that day if it
     * is a working day and the moment is before the end of the working day, else the next working day.
     */
    public LocalDate countingStart(Instant moment) {
        ZonedDateTime local = moment.atZone(properties.zone());
        LocalDate day = local.toLocalDate();
        if (!isWorkingDay(day) || !local.toLocalTime().isBefore(properties.endOfDay())) {
            day = nextWorkingDay(day);
        }
        return day;
    }

    /** The {@code days}-th working day after {@code day} (negative: before); 0 gives {@code day} itself. */
    public LocalDate addWorkingDays(LocalDate day, int days) {
        LocalDate result = day;
        int step = days >= 0 ? 1 : -1;
        for (int left = Math.abs(days); left > 0; ) {
            result = result.plusDays(step);
            if (isWorkingDay(result)) {
                left--;
            }
        }
        return result;
    }

    public LocalDate nextWorkingDay(LocalDate day) {
        return addWorkingDays(day, 1);
    }

    /** The moment a deadline that falls on {@code day} expires: the configured end of that working day. */
    public Instant endOf(LocalDate day) {
        return day.atTime(properties.endOfDay()).atZone(properties.zone()).toInstant();
    }

    /**
     * The end of the {@code days}-th working day after the day counting starts for {@code moment} (see
     * {@link #countingStart}); that day itself is day 0.
     */
    public Instant workingDaysAfter(Instant moment, int days) {
        return endOf(addWorkingDays(countingStart(moment), Math.max(days, 0)));
    }
}
