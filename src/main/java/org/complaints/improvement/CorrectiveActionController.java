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
            @Schema(description = "The corrective action's reference", example = "CAPA-2026-0003")
            String reference,

            @Schema(description = "What opened it: SYSTEMIC_FINDING, THRESHOLD or MANUAL", example = "SYSTEMIC_FINDING")
            ActionTrigger trigger,

            @Schema(description = "What it is about: the category or product or service", example = "Parcel delivery")
            String subject,

            @Schema(description = "The category it is about, if any", example = "delivery")
            String category,

            @Schema(description = "The product or service it is about, if any", example = "Parcel delivery")
            String productOrService,

            @Schema(
                    description = "Its status: ANALYSIS, PLANNING, IMPLEMENTING, MONITORING or CLOSED",
                    example = "IMPLEMENTING")
            ActionStatus status,

            @Schema(description = "The round: more than 1 when an earlier plan was not effective", example = "1")
            int round,

            @Schema(description = "The staff user responsible", example = "quality")
            String owner,

            @Schema(description = "When the action is due", example = "2026-04-06T17:00:00Z")
            Instant dueDate,

            @Schema(description = "Whether the effectiveness check found it effective; null until checked")
            Boolean effective,

            @Schema(description = "When it was opened", example = "2026-03-06T08:00:00Z")
            Instant openedAt,

            @Schema(description = "When it was closed") Instant closedAt,

            @Schema(description = "How many complaints are linked to it", example = "3")
            int complaintCount) {}

    /**
     * An action with its whole record: the summary's keys at the top level, then the analysis, the linked
     * complaints and the history. Texts name no confidential complaint to those who may not see it (4.10).
     */
    record ActionDetail(
            @JsonUnwrapped ActionSummary summary,

            @Schema(description = "Why it was opened", example = "Three damaged parcels from one depot")
            String openingReason,

            @Schema(description = "Who opened it: a user, or system for a systemic finding", example = "quality")
            String openedBy,

            @Schema(description = "The root cause found", example = "Drivers leave parcels outside when nobody answers")
            String rootCause,

            @Schema(description = "How the root cause was analysed", example = "Five whys with the depot manager")
            String rootCauseAnalysis,

            @Schema(description = "What is done about it", example = "Drivers take parcels back to the depot")
            String actionPlan,

            @Schema(description = "How the plan was carried out")
            String implementationNotes,

            @Schema(description = "When it was carried out") Instant implementedAt,

            @Schema(description = "When its effectiveness is to be checked")
            Instant effectivenessCheckDue,

            @Schema(description = "What the effectiveness check found")
            String effectivenessNotes,

            @Schema(description = "When its effectiveness was checked")
            Instant checkedAt,

            @Schema(description = "The action's process instance id", example = "d4e5f6a7-1d2e-11f0-9c0a-0242ac120002")
            String processInstanceId,

            @Schema(description = "The complaints linked to it")
            List<LinkedComplaintView> complaints,

            @Schema(description = "What happened to it, oldest first")
            List<HistoryEntry> history) {}

    /**
     * A complaint linked to an action; {@code reference} and {@code productOrService} are {@code null} when the
     * complaint is confidential and the reader may not see it.
     */
    record LinkedComplaintView(
            @Schema(
                    description = "The complaint's reference; hidden details for a confidential one",
                    example = "CMP-2026-000042")
            String reference,

            @Schema(description = "Whether the complaint is confidential", example = "false")
            boolean confidential,

            @Schema(description = "The complaint's category", example = "delivery")
            String category,

            @Schema(description = "The complaint's product or service", example = "Parcel delivery")
            String productOrService,

            @Schema(description = "When the complaint was received", example = "2026-03-02T09:15:00Z")
            Instant receivedAt,

            @Schema(description = "The complaint's stage", example = "CLOSED")
            ComplaintStage stage,

            @Schema(description = "When it was linked to the action", example = "2026-03-06T08:00:00Z")
            Instant linkedAt,

            @Schema(description = "Who linked it", example = "system")
            String linkedBy,

            @Schema(description = "Why it was linked (ActionTrigger)", example = "SYSTEMIC_FINDING")
            ActionTrigger linkReason) {}

    /** One event of an action's history. */
    record HistoryEntry(
            @Schema(description = "When it happened", example = "2026-03-06T08:00:00Z")
            Instant occurredAt,

            @Schema(description = "The kind of event", example = "OPENED")
            String type,

            @Schema(description = "Who did it", example = "quality")
            String actor,

            @Schema(description = "One line saying what happened", example = "Corrective action opened")
            String summary,

            @Schema(description = "More detail, if any") String detail) {}

    /**
     * The answer to a manual opening: the action's detail and whether this request opened it ({@code false}: the
     * complaints were linked to the action already open on the same subject).
     */
    record Opening(
            @JsonUnwrapped ActionDetail action,

            @Schema(
                    description = "True when a new action was opened, false when the complaints joined an open one",
                    example = "true")
            boolean opened) {}

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
