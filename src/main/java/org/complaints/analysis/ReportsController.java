package org.complaints.analysis;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.complaints.apidocs.ApiErrors;
import org.complaints.security.StaffAccess;
import org.complaints.security.StaffApi;
import org.complaints.security.StaffGroups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Complaint figures for a period, for quality managers, complaint managers and administrators (ISO 10002 8.2-8.4). */
@RestController
@StaffApi
@Tag(name = "staff")
@SecurityRequirement(name = ApiErrors.STAFF_SECURITY)
@ApiResponse(responseCode = "401", ref = ApiErrors.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = ApiErrors.FORBIDDEN)
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
    @Operation(
            summary = "The period's figures",
            description = "from and to as YYYY-MM-DD; by channel, category, outcome.")
    @ApiResponse(responseCode = "200", description = "The figures")
    @ApiResponse(responseCode = "400", ref = ApiErrors.STAFF_INVALID)
    ComplaintFigures.Summary summary(
            @Parameter(description = "First day of the period, YYYY-MM-DD", example = "2026-01-01")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "Last day of the period (included), YYYY-MM-DD", example = "2026-06-30")
                    @RequestParam(required = false)
                    String to) {
        requireReader();
        ReportPeriod period = reports.period(from, to);
        return figures.summary(period.from(), period.to());
    }

    @GetMapping("/api/staff/reports/performance")
    @Operation(summary = "The reports page as JSON")
    @ApiResponse(responseCode = "200", description = "The report")
    @ApiResponse(responseCode = "400", ref = ApiErrors.STAFF_INVALID)
    PerformanceReport performance(
            @Parameter(description = "First day of the period, YYYY-MM-DD", example = "2026-01-01")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "Last day of the period (included), YYYY-MM-DD", example = "2026-06-30")
                    @RequestParam(required = false)
                    String to) {
        requireReader();
        return reports.report(reports.period(from, to));
    }

    @GetMapping("/api/staff/reports/performance.csv")
    @Operation(summary = "The reports page as CSV")
    @ApiResponse(responseCode = "200", description = "The report as CSV")
    @ApiResponse(responseCode = "400", ref = ApiErrors.STAFF_INVALID)
    void performanceCsv(
            @Parameter(description = "First day of the period, YYYY-MM-DD", example = "2026-01-01")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "Last day of the period (included), YYYY-MM-DD", example = "2026-06-30")
                    @RequestParam(required = false)
                    String to,
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
