package org.complaints.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import org.complaints.engine.InvalidInputException;
import org.complaints.security.StaffAccess;
import org.complaints.security.StaffGroups;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reports page for quality managers (ISO 10002 8.2-8.4): every figure as a table, the same data as charts
 * (Chart.js, bundled as a webjar), and a CSV download. Signed in through Cockpit's session or HTTP Basic.
 */
@Controller
class ReportsPage {

    private final PerformanceReports reports;
    private final StaffAccess staff;
    private final ObjectMapper json;

    ReportsPage(PerformanceReports reports, StaffAccess staff, ObjectMapper json) {
        this.reports = reports;
        this.staff = staff;
        this.json = json;
    }

    @GetMapping("/staff/reports")
    String reports(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model,
            HttpServletResponse response)
            throws JsonProcessingException {
        String user = staff.requireAnyGroup(StaffGroups.QUALITY, StaffGroups.MANAGERS, StaffGroups.ADMIN);
        LocalDate today = LocalDate.now(reports.zone());
        // without a period: the last twelve months up to today
        String start = from == null || from.isBlank()
                ? today.minusMonths(12).plusDays(1).toString()
                : from;
        String end = to == null || to.isBlank() ? today.toString() : to;
        model.addAttribute("user", user);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        try {
            PerformanceReport report = reports.report(reports.period(start, end));
            model.addAttribute("report", report);
            // data for the charts, read by reports.js (a JSON data block is not executed, so the CSP holds)
            // every '<' escaped: product names come from complainants and must not close the script element
            model.addAttribute("chartData", json.writeValueAsString(report).replace("<", "\\u003c"));
        } catch (InvalidInputException e) {
            model.addAttribute("problem", e.getMessage());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return "staff/reports";
    }
}
