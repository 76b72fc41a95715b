package org.complaints.improvement;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.complaints.apidocs.ApiErrors;
import org.complaints.assessment.Classification;
import org.complaints.engine.InvalidInputException;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintNotFoundException;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.ComplaintStage;
import org.complaints.security.NamedStaff;
import org.complaints.security.StaffAccess;
import org.complaints.security.StaffApi;
import org.complaints.security.StaffGroups;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CAPA register for staff (ISO 10002 8.7), both ways: the actions with the complaints behind them, and the
 * actions of a complaint. Complaint managers, quality managers and administrators read it; quality managers do
 * not see confidential complaints (4.10), which appear without their reference. Complaint managers open an
 * action by hand.
 */
@RestController
@StaffApi
@Tag(name = "staff")
@SecurityRequirement(name = ApiErrors.STAFF_SECURITY)
@ApiResponse(responseCode = "401", ref = ApiErrors.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = ApiErrors.FORBIDDEN)
class CorrectiveActionController {

    private final CorrectiveActionRegister register;
    private final CorrectiveActionOpening opening;
    private final ComplaintRegister complaints;
    private final StaffAccess staff;
    private final IdentityService identity;

    CorrectiveActionController(
            CorrectiveActionRegister register,
            CorrectiveActionOpening opening,
            ComplaintRegister complaints,
            StaffAccess staff,
            IdentityService identity) {
        this.register = register;
        this.opening = opening;
        this.complaints = complaints;
        this.staff = staff;
        this.identity = identity;
    }

    record ManualOpening(
            @Schema(description = "The category the action is about (or productOrService)", example = "delivery")
            String category,

            @Schema(
                    description = "The product or service the action is about (or category)",
                    example = "Parcel delivery")
            String productOrService,

            @Schema(description = "References of the complaints that led to it", example = "[\"CMP-2026-000042\"]")
            List<String> complaints,

            @Schema(description = "Why the action is opened", example = "Three damaged parcels from one depot")
            String reason) {}

    /**
     * An action as the register's lists show it. Absent values are written as {@code null}: clients find every
     * key on every action.
     */
    record ActionSummary(
            String reference,
            ActionTrigger trigger,
            String subject,
            String category,
            String productOrService,
            ActionStatus status,
            int round,
            String owner,
            Instant dueDate,
            Boolean effective,
            Instant openedAt,
            Instant closedAt,
            int complaintCount) {}

    /**
     * An action with its whole record: the summary's keys at the top level, then the analysis, the linked
     * complaints and the history. Texts name no confidential complaint to those who may not see it (4.10).
     */
    record ActionDetail(
            @JsonUnwrapped ActionSummary summary,
            String openingReason,
            String openedBy,
            String rootCause,
            String rootCauseAnalysis,
            String actionPlan,
            String implementationNotes,
            Instant implementedAt,
            Instant effectivenessCheckDue,
            String effectivenessNotes,
            Instant checkedAt,
            String processInstanceId,
            List<LinkedComplaintView> complaints,
            List<HistoryEntry> history) {}

    /**
     * A complaint linked to an action; {@code reference} and {@code productOrService} are {@code null} when the
     * complaint is confidential and the reader may not see it.
     */
    record LinkedComplaintView(
            String reference,
            boolean confidential,
            String category,
            String productOrService,
            Instant receivedAt,
            ComplaintStage stage,
            Instant linkedAt,
            String linkedBy,
            ActionTrigger linkReason) {}

    /** One event of an action's history. */
    record HistoryEntry(Instant occurredAt, String type, String actor, String summary, String detail) {}

    /**
     * The answer to a manual opening: the action's detail and whether this request opened it ({@code false}: the
     * complaints were linked to the action already open on the same subject).
     */
    record Opening(@JsonUnwrapped ActionDetail action, boolean opened) {}

    @GetMapping("/api/staff/corrective-actions")
    @Operation(summary = "The corrective actions", description = "Optional status=open or closed.")
    @ApiResponse(responseCode = "200", description = "The actions")
    @ApiResponse(responseCode = "400", ref = ApiErrors.STAFF_INVALID)
    List<ActionSummary> list(
            @Parameter(description = "open or closed; every action without it", example = "open")
                    @RequestParam(required = false)
                    String status) {
        staff.requireAnyGroup(StaffGroups.MANAGERS, StaffGroups.QUALITY, StaffGroups.ADMIN);
        Boolean open = status == null || status.isBlank()
                ? null
                : switch (status.strip()) {
                    case "open" -> true;
                    case "closed" -> false;
                    default ->
                        throw new InvalidInputException("status: choose open or closed, or leave it out for all");
                };
        return register.list(open).stream().map(this::summary).toList();
    }

    @GetMapping("/api/staff/corrective-actions/{reference}")
    @Operation(summary = "One corrective action")
    @ApiResponse(responseCode = "200", description = "The action")
    @ApiResponse(responseCode = "404", ref = ApiErrors.STAFF_NOT_FOUND)
    ActionDetail get(@Parameter(description = "The corrective action's reference") @PathVariable String reference) {
        staff.requireAnyGroup(StaffGroups.MANAGERS, StaffGroups.QUALITY, StaffGroups.ADMIN);
        return detail(register.getByReference(reference));
    }

    @GetMapping("/api/staff/complaints/{reference}/corrective-actions")
    @Operation(summary = "A complaint's corrective actions")
    @ApiResponse(responseCode = "200", description = "Its actions")
    @ApiResponse(responseCode = "404", ref = ApiErrors.STAFF_NOT_FOUND)
    List<ActionSummary> ofComplaint(
            @Parameter(description = "The complaint's reference", example = "CMP-2026-000042") @PathVariable
                    String reference) {
        String user = staff.requireAnyGroup(StaffGroups.MANAGERS, StaffGroups.QUALITY, StaffGroups.ADMIN);
        Complaint complaint = complaints.getByReference(reference);
        NamedStaff.requireNotNamed(complaints.accessMarkings(complaint.id()), user);
        if (!seesConfidential() && complaints.accessMarkings(complaint.id()).confidential()) {
            // as if it did not exist: a confidential complaint is for complaint managers only
            throw new ComplaintNotFoundException("with reference " + reference);
        }
        return register.actionsOf(complaint.id()).stream().map(this::summary).toList();
    }

    @PostMapping("/api/staff/corrective-actions")
    @Operation(summary = "Open a corrective action by hand")
    @ApiResponse(responseCode = "201", description = "Opened; Location is its address")
    @ApiResponse(responseCode = "200", description = "An open action on the same subject took the complaints")
    @ApiResponse(responseCode = "400", ref = ApiErrors.STAFF_INVALID)
    ResponseEntity<Opening> open(@RequestBody(required = false) ManualOpening request) {
        String manager = staff.requireAnyGroup(StaffGroups.MANAGERS, StaffGroups.ADMIN);
        if (request == null) {
            throw new InvalidInputException("Send {category or productOrService, complaints, reason}");
        }
        List<String> problems = new ArrayList<>();
        boolean hasCategory = request.category() != null && !request.category().isBlank();
        boolean hasProduct = request.productOrService() != null
                && !request.productOrService().isBlank();
        if (hasCategory == hasProduct) {
            problems.add("category: give either a category or a productOrService, the subject of the action");
        } else if (hasCategory
                && !Classification.CATEGORIES.contains(request.category().strip())) {
            problems.add("category: choose one of " + String.join(", ", Classification.CATEGORIES));
        } else if (hasProduct && request.productOrService().strip().length() > 200) {
            problems.add("productOrService: at most 200 characters");
        }
        if (request.reason() == null || request.reason().strip().length() < 10) {
            problems.add("reason: say in at least 10 characters why the action is needed");
        } else if (request.reason().length() > 2000) {
            problems.add("reason: at most 2000 characters");
        }
        List<Long> ids = new ArrayList<>();
        for (String reference : request.complaints() == null ? List.<String>of() : request.complaints()) {
            complaints
                    .findByReference(reference == null ? "" : reference.strip())
                    .ifPresentOrElse(
                            c -> ids.add(c.id()),
                            () -> problems.add(
                                    "complaints: no complaint with reference " + reference + " is registered"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ActionSubject subject = hasCategory
                ? ActionSubject.category(request.category())
                : ActionSubject.product(request.productOrService());
        CorrectiveActionOpening.Outcome outcome =
                opening.openManually(subject, ids, request.reason().strip(), manager);
        Opening body = new Opening(detail(outcome.action()), outcome.opened());
        return outcome.opened()
                ? ResponseEntity.created(URI.create("/api/staff/corrective-actions/"
                                + outcome.action().reference()))
                        .body(body)
                : ResponseEntity.ok(body);
    }

    private ActionSummary summary(CorrectiveAction action) {
        return new ActionSummary(
                action.reference(),
                action.trigger(),
                CorrectiveActionOpening.subject(action).describe(),
                action.category(),
                action.productOrService(),
                action.status(),
                action.round(),
                action.owner(),
                action.dueDate(),
                action.effective(),
                action.openedAt(),
                action.closedAt(),
                register.complaintsOf(action.id()).size());
    }

    private ActionDetail detail(CorrectiveAction action) {
        boolean confidentialShown = seesConfidential();
        List<CorrectiveActionRegister.LinkedComplaint> linked = register.complaintsOf(action.id());
        // the references of confidential complaints are left out wherever the action's record names them, for those
        // who may not see them
        List<String> hidden = confidentialShown
                ? List.of()
                : linked.stream()
                        .filter(CorrectiveActionRegister.LinkedComplaint::confidential)
                        .map(CorrectiveActionRegister.LinkedComplaint::reference)
                        .toList();
        return new ActionDetail(
                summary(action),
                redact(action.openingReason(), hidden),
                action.openedBy(),
                action.rootCause(),
                redact(action.rootCauseAnalysis(), hidden),
                redact(action.actionPlan(), hidden),
                redact(action.implementationNotes(), hidden),
                action.implementedAt(),
                action.effectivenessCheckDue(),
                redact(action.effectivenessNotes(), hidden),
                action.checkedAt(),
                action.processInstanceId(),
                linked.stream()
                        .map(c -> {
                            boolean withheld = c.confidential() && !confidentialShown;
                            return new LinkedComplaintView(
                                    withheld ? null : c.reference(),
                                    c.confidential(),
                                    c.category(),
                                    withheld ? null : c.productOrService(),
                                    c.receivedAt(),
                                    c.stage(),
                                    c.linkedAt(),
                                    c.linkedBy(),
                                    c.linkReason());
                        })
                        .toList(),
                register.events(action.id()).stream()
                        .map(e -> new HistoryEntry(
                                e.occurredAt(),
                                e.type(),
                                e.actor(),
                                redact(e.summary(), hidden),
                                redact(e.detail(), hidden)))
                        .toList());
    }

    private static String redact(String text, List<String> references) {
        String result = text;
        for (String reference : references) {
            result = result == null ? null : result.replace(reference, "[confidential complaint]");
        }
        return result;
    }

    /** Complaint managers and administrators see confidential complaints; quality managers do not (4.10). */
    private boolean seesConfidential() {
        Authentication authentication = identity.getCurrentAuthentication();
        List<String> groups = authentication == null || authentication.getGroupIds() == null
                ? List.of()
                : authentication.getGroupIds();
        return groups.contains(StaffGroups.MANAGERS) || groups.contains(StaffGroups.ADMIN);
    }
}
