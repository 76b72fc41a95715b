package org.complaints.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
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
    private final ComplaintMailer mailer;
    private final MailFormats formats;
    private final EventLog events;
    private final Clock clock;

    public SupervisionService(
            ComplaintRegister register,
            WorkingDayCalendar calendar,
            ComplaintMailer mailer,
            MailFormats formats,
            EventLog events,
            Clock clock) {
        this.register = register;
        this.calendar = calendar;
        this.mailer = mailer;
        this.formats = formats;
        this.events = events;
        this.clock = clock;
    }

    /** Records the manager's revised date: a future working day; returns when it expires. */
    public Instant reviseDeadline(long complaintId, LocalDate revisedDate, String notes, String manager) {
        if (revisedDate == null) {
            throw new InvalidInputException("revisedResponseDate: the revised response date is required");
        }
        if (notes == null || notes.length() < 10) {
            throw new InvalidInputException("supervisionNotes: describe in at least 10 characters what you decided");
        }
        if (!calendar.isWorkingDay(revisedDate)) {
            throw new InvalidInputException("revisedResponseDate: " + revisedDate + " is not a working day");
        }
        Instant deadline = calendar.endOf(revisedDate);
        if (!deadline.isAfter(clock.instant())) {
            throw new InvalidInputException("revisedResponseDate: " + revisedDate + " has already passed");
        }
        register.reviseDeadline(complaintId, deadline, clock.instant());
        events.append(
                complaintId,
                "DEADLINE_REVISED",
                manager,
                "Overdue complaint supervised; revised response date " + formats.date(deadline, "en"),
                notes);
        return deadline;
    }

    public void sendDelayNotice(long complaintId) {
        Complaint complaint = register.get(complaintId);
        mailer.queueToComplainant(
                complaint,
                "delay-notice",
                "delay-notice",
                Map.of("revisedDate", formats.date(complaint.responseDeadline(), complaint.language())));
    }
}
