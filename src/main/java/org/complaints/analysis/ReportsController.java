package org.complaints.analysis;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.complaints.security.StaffAccess;
import org.complaints.security.StaffApi;
import org.complaints.security.StaffGroups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Complaint figures for a period, for quality managers, complaint managers and administrators (ISO 10002 8.2-8.4). */
@RestController
@StaffApi
class ReportsController {

    private final ComplaintFigures figures;
    private final PerformanceReports reports;
    private final StaffAccess staff;

    ReportsController(ComplaintFigures figures, PerformanceReports reports, StaffAccess staff) {
        this.figures = figures;
        this.reports = reports;
        this.staff = staff;
    }

    @GetMapping("/api/staff/reports/summary")
    ComplaintFigures.Summary summary(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        requireReader();
        ReportPeriod period = reports.period(from, to);
        return figures.summary(period.from(), period.to());
    }

    @GetMapping("/api/staff/reports/performance")
    PerformanceReport performance(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        requireReader();
        return reports.report(reports.period(from, to));
    }

    @GetMapping("/api/staff/reports/performance.csv")
    void performanceCsv(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            HttpServletResponse response)
            throws IOException {
        requireReader();
        ReportPeriod period = reports.period(from, to);
        PerformanceReport report = reports.report(period);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"complaints-" + period.from() + "-to-" + period.to() + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        ReportCsv.write(report, out);
    }

    private void requireReader() {
        staff.requireAnyGroup(StaffGroups.QUALITY, StaffGroups.MANAGERS, StaffGroups.ADMIN);
    }
}
