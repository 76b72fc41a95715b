package org.complaints.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.complaints.deadlines.TaskDeadlines;
import org.complaints.deadlines.WorkingDayCalendar;
import org.complaints.engine.InvalidInputException;
import org.complaints.mail.ComplaintMailer;
import org.complaints.mail.MailFormats;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.springframework.stereotype.Service;

/** An overdue complaint under a manager's supervision (ISO 10002 4.12, 4.15, 7.3). */
@Service
public class SupervisionService {

    private final ComplaintRegister register;
    private final WorkingDayCalendar calendar;
    private final TaskDeadlines taskDeadlines;
    private final ComplaintMailer mailer;
    private final MailFormats formats;
    private final EventLog events;
    private final Clock clock;

    public SupervisionService(
            ComplaintRegister register,
            WorkingDayCalendar calendar,
            TaskDeadlines taskDeadlines,
            ComplaintMailer mailer,
            MailFormats formats,
            EventLog events,
            Clock clock) {
        this.register = register;
        this.calendar = calendar;
        this.taskDeadlines = taskDeadlines;
        this.mailer = mailer;
        this.formats = formats;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records the manager's revised date, checked by {@link #checkRevision}, and the reason the complainant is told.
     * Returns when the revised date expires.
     */
    public Instant reviseDeadline(
            long complaintId, LocalDate revisedDate, String notes, String delayReason, String manager) {
        Instant deadline = checkRevision(revisedDate, notes, delayReason);
        register.reviseDeadline(complaintId, deadline, clock.instant());
        events.append(
                complaintId,
                "DEADLINE_REVISED",
                manager,
                "Overdue complaint supervised; revised response date " + formats.date(deadline, "en"),
                notes + "\nReason given to the complainant: " + delayReason.strip());
        return deadline;
    }

    /**
     * The revised date a manager may set: a future working day at most {@code max-extension-days} working days
     * ahead, so that a complaint that misses it again is back with a manager within a bounded time; with notes and a
     * reason for the complainant. Refuses anything else with a readable message; returns when the date expires.
     */
    public Instant checkRevision(LocalDate revisedDate, String notes, String delayReason) {
        if (revisedDate == null) {
            throw new InvalidInputException("revisedResponseDate: the revised response date is required");
        }
        if (notes == null || notes.length() < 10) {
            throw new InvalidInputException("supervisionNotes: describe in at least 10 characters what you decided");
        }
        if (delayReason == null || delayReason.strip().length() < 10) {
            throw new InvalidInputException(
                    "delayReason: explain to the complainant in at least 10 characters why" + " more time is needed");
        }
        if (!calendar.isWorkingDay(revisedDate)) {
            throw new InvalidInputException("revisedResponseDate: " + revisedDate + " is not a working day");
        }
        Instant deadline = calendar.endOf(revisedDate);
        if (!deadline.isAfter(clock.instant())) {
            throw new InvalidInputException("revisedResponseDate: " + revisedDate + " has already passed");
        }
        LocalDate latest = taskDeadlines.latestRevisedDate();
        if (revisedDate.isAfter(latest)) {
            throw new InvalidInputException("revisedResponseDate: " + revisedDate + " is more than "
                    + taskDeadlines.maxExtensionDays() + " working days ahead; the latest revised date is " + latest
                    + ". Set a nearer date; if it is missed, the complaint comes back to a manager.");
        }
        return deadline;
    }

    /**
     * Tells the complainant the revised date and why more time is needed, in their language (ISO 10002 7.3). Each
     * revised date gets its own notice: the mail is keyed by the date, so a repeated run sends it once.
     */
    public void sendDelayNotice(long complaintId, String delayReason) {
        Complaint complaint = register.get(complaintId);
        mailer.queueToComplainant(
                complaint,
                "delay-notice",
                "delay-notice." + complaint.responseDeadline().getEpochSecond(),
                Map.of(
                        "revisedDate",
                        formats.date(complaint.responseDeadline(), complaint.language()),
                        "reason",
                        delayReason == null ? "" : delayReason.strip()));
    }
}
