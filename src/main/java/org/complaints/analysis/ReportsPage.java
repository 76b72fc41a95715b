package org.complaints.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.complaints.engine.InvalidInputException;
import org.complaints.security.StaffAccess;
import org.complaints.security.StaffGroups;
import org.springframework.context.MessageSource;
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
    /**
     * The codes the report's figures are keyed by (channels, categories, root causes, outcomes, closure reasons,
     * stages, corrective-action triggers and statuses), each with a readable name in messages*.properties
     * (report.label.*): tables and charts show the name, links to the complaint search keep the code.
     */
    static final List<String> CODES = List.of(
            "(none)",
            "web",
            "email",
            "phone",
            "letter",
            "in-person",
            "billing",
            "data-protection",
            "delivery",
            "product-quality",
            "service",
            "staff-conduct",
            "other",
            "communication",
            "human-error",
            "no-fault-found",
            "policy",
            "process-failure",
            "product-defect",
            "third-party",
            "upheld",
            "partly-upheld",
            "not-upheld",
            "out-of-scope",
            "ACCEPTED",
            "NO_REACTION",
            "EXTERNAL_OUTCOME",
            "OUT_OF_SCOPE",
            "WITHDRAWN",
            "DUPLICATE",
            "SYSTEMIC_FINDING",
            "THRESHOLD",
            "MANUAL",
            "ANALYSIS",
            "PLANNING",
            "IMPLEMENTING",
            "MONITORING",
            "CLOSED",
            "CANCELLED",
            "acknowledgement",
            "assessment",
            "response");

    private final ObjectMapper json;
    private final MessageSource messages;

    ReportsPage(PerformanceReports reports, StaffAccess staff, ObjectMapper json, MessageSource messages) {
        this.reports = reports;
        this.staff = staff;
        this.json = json;
        this.messages = messages;
    }

    Map<String, String> labels(Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String code : CODES) {
            labels.put(code, messages.getMessage("report.label." + code, null, code, locale));
        }
        return labels;
    }

    @GetMapping("/staff/reports")
    String reports(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model,
            HttpServletResponse response,
            Locale locale)
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
            model.addAttribute(
                    "labelData", json.writeValueAsString(labels(locale)).replace("<", "\\u003c"));
        } catch (InvalidInputException e) {
            model.addAttribute("problem", e.getMessage());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return "staff/reports";
    }
}
