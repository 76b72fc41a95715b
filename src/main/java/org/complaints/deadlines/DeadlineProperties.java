package org.complaints.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The organisation's working calendar and the time limits of each stage (ISO 10002 4.15, 7.1).
 *
 * @param zone                       the organisation's time zone; deadlines end at {@code endOfDay} there
 * @param endOfDay                   a deadline falls at this time of its last working day
 * @param weekend                    days that are never working days
 * @param holidayCalendars           built-in public holiday calendars (codes of {@link PublicHolidays}: NL, UK, EE,
 *                                   TR), computed for every year
 * @param holidays                   further days off (bridge days, one-off bank holidays): never working days
 * @param acknowledgementDays        working days within which a complaint must be acknowledged
 * @param assessmentDays             working days for the initial assessment task
 * @param reminderDaysBefore         working days before the committed date at which handlers are reminded
 * @param reactionDays               working days the complainant has to react to a decision before it closes
 * @param reviewDays                 working days for an internal review
 * @param statusUpdateCycle          ISO 8601 repeating interval of status e-mails while a complaint is open
 */
@ConfigurationProperties("complaints.deadlines")
public record DeadlineProperties(
        @DefaultValue("Europe/Amsterdam") ZoneId zone,
        @DefaultValue("17:00") LocalTime endOfDay,
        @DefaultValue({"SATURDAY", "SUNDAY"}) Set<DayOfWeek> weekend,
        @DefaultValue({}) List<String> holidayCalendars,
        @DefaultValue({}) List<LocalDate> holidays,
        @DefaultValue("1") int acknowledgementDays,
        @DefaultValue("2") int assessmentDays,
        @DefaultValue("2") int reminderDaysBefore,
        @DefaultValue("10") int reactionDays,
        @DefaultValue("10") int reviewDays,
        @DefaultValue("R/P7D") String statusUpdateCycle) {}
