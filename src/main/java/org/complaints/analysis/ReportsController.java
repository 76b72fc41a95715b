package org.complaints.analysis;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.complaints.engine.InvalidInputException;
import org.complaints.security.StaffAccess;
import org.complaints.security.StaffApi;
import org.complaints.security.StaffGroups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Complaint figures for a period, for quality managers, complaint managers and administrators. */
@RestController
@StaffApi
class ReportsController {

    private final ComplaintFigures figures;
    private final StaffAccess staff;

    ReportsController(ComplaintFigures figures, StaffAccess staff) {
        this.figures = figures;
        this.staff = staff;
    }

    @GetMapping("/api/staff/reports/summary")
    Map<String, Object> summary(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        staff.requireAnyGroup(StaffGroups.QUALITY, StaffGroups.MANAGERS, StaffGroups.ADMIN);
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw new InvalidInputException("to: the period ends before it starts");
        }
        return figures.summary(start, end);
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name + ": give a date as YYYY-MM-DD");
        }
    }
}
