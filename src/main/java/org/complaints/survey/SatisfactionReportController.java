package org.complaints.survey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.complaints.apidocs.ApiErrors;
import org.complaints.engine.InvalidInputException;
import org.complaints.security.StaffAccess;
import org.complaints.security.StaffApi;
import org.complaints.security.StaffGroups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Survey results for a period, for quality managers, complaint managers and administrators (ISO 10002 8.3). */
@RestController
@StaffApi
@Tag(name = "staff")
@SecurityRequirement(name = ApiErrors.STAFF_SECURITY)
@ApiResponse(responseCode = "401", ref = ApiErrors.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = ApiErrors.FORBIDDEN)
class SatisfactionReportController {

    private final SurveyResults results;
    private final StaffAccess staff;

    SatisfactionReportController(SurveyResults results, StaffAccess staff) {
        this.results = results;
        this.staff = staff;
    }

    @GetMapping("/api/staff/reports/satisfaction")
    @Operation(summary = "Survey results of a period", description = "No names or comments; from and to as YYYY-MM-DD.")
    @ApiResponse(responseCode = "200", description = "The results")
    @ApiResponse(responseCode = "400", ref = ApiErrors.STAFF_INVALID)
    SatisfactionReport satisfaction(
            @Parameter(description = "First day of the period, YYYY-MM-DD", example = "2026-01-01")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "Last day of the period (included), YYYY-MM-DD", example = "2026-06-30")
                    @RequestParam(required = false)
                    String to) {
        staff.requireAnyGroup(StaffGroups.QUALITY, StaffGroups.MANAGERS, StaffGroups.ADMIN);
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw new InvalidInputException("to: the period ends before it starts");
        }
        return results.satisfaction(start, end);
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name + ": give a date as YYYY-MM-DD");
        }
    }
}
