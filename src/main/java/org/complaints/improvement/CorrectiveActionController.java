package org.complaints.improvement;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.complaints.assessment.Classification;
import org.complaints.engine.InvalidInputException;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintNotFoundException;
import org.complaints.register.ComplaintRegister;
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
class CorrectiveActionController {

    private final CorrectiveActionRegister register;
    private final CorrectiveActionOpening opening;
    private final ComplaintRegister complaints;
    private final StaffAccess staff;
    private final IdentityService identity;

    CorrectiveActionController(CorrectiveActionRegister register, CorrectiveActionOpening opening,
                               ComplaintRegister complaints, StaffAccess staff, IdentityService identity) {
        this.register = register;
        this.opening = opening;
        this.complaints = complaints;
        this.staff = staff;
        this.identity = identity;
    }

    record ManualOpening(String category, String productOrService, List<String> complaints, String reason) {
    }

    @GetMapping("/api/staff/corrective-actions")
    List<Map<String, Object>> list(@RequestParam(required = false) String status) {
        staff.requireAnyGroup(StaffGroups.MANAGERS, StaffGroups.QUALITY, StaffGroups.ADMIN);
        Boolean open = status == null || status.isBlank() ? null : switch (status.strip()) {
            case "open" -> true;
            case "closed" -> false;
            default -> throw new InvalidInputException("status: choose open or closed, or leave it out for all");
        };
        return register.list(open).stream().map(this::summary).toList();
    }

    @GetMapping("/api/staff/corrective-actions/{reference}")
    Map<String, Object> get(@PathVariable String reference) {
        staff.requireAnyGroup(StaffGroups.MANAGERS, StaffGroups.QUALITY, StaffGroups.ADMIN);
        return detail(register.getByReference(reference));
    }

    @GetMapping("/api/staff/complaints/{reference}/corrective-actions")
    List<Map<String, Object>> ofComplaint(@PathVariable String reference) {
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
    ResponseEntity<Map<String, Object>> open(@RequestBody(required = false) ManualOpening request) {
        String manager = staff.requireAnyGroup(StaffGroups.MANAGERS, StaffGroups.ADMIN);
        if (request == null) {
            throw new InvalidInputException("Send {category or productOrService, complaints, reason}");
        }
        List<String> problems = new ArrayList<>();
        boolean hasCategory = request.category() != null && !request.category().isBlank();
        boolean hasProduct = request.productOrService() != null && !request.productOrService().isBlank();
        if (hasCategory == hasProduct) {
            problems.add("category: give either a category or a productOrService, the subject of the action");
        } else if (hasCategory && !Classification.CATEGORIES.contains(request.category().strip())) {
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
            complaints.findByReference(reference == null ? "" : reference.strip()).ifPresentOrElse(c -> ids.add(c.id()),
                    () -> problems.add("complaints: no complaint with reference " + reference + " is registered"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ActionSubject subject = hasCategory ? ActionSubject.category(request.category())
                : ActionSubject.product(request.productOrService());
        CorrectiveActionOpening.Outcome outcome = opening.openManually(subject, ids, request.reason().strip(), manager);
        Map<String, Object> body = detail(outcome.action());
        body.put("opened", outcome.opened());
        return outcome.opened()
                ? ResponseEntity.created(URI.create("/api/staff/corrective-actions/" + outcome.action().reference())).body(body)
                : ResponseEntity.ok(body);
    }

    private Map<String, Object> summary(CorrectiveAction action) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("reference", action.reference());
        view.put("trigger", action.trigger());
        view.put("subject", CorrectiveActionOpening.subject(action).describe());
        view.put("category", action.category());
        view.put("productOrService", action.productOrService());
        view.put("status", action.status());
        view.put("round", action.round());
        view.put("owner", action.owner());
        view.put("dueDate", action.dueDate());
        view.put("effective", action.effective());
        view.put("openedAt", action.openedAt());
        view.put("closedAt", action.closedAt());
        view.put("complaintCount", register.complaintsOf(action.id()).size());
        return view;
    }

    private Map<String, Object> detail(CorrectiveAction action) {
        Map<String, Object> view = summary(action);
        boolean confidentialShown = seesConfidential();
        List<CorrectiveActionRegister.LinkedComplaint> linked = register.complaintsOf(action.id());
        // the references of confidential complaints are left out wherever the action's record names them, for those
        // who may not see them
        List<String> hidden = confidentialShown ? List.of() : linked.stream()
                .filter(CorrectiveActionRegister.LinkedComplaint::confidential)
                .map(CorrectiveActionRegister.LinkedComplaint::reference).toList();
        view.put("openingReason", redact(action.openingReason(), hidden));
        view.put("openedBy", action.openedBy());
        view.put("rootCause", action.rootCause());
        view.put("rootCauseAnalysis", redact(action.rootCauseAnalysis(), hidden));
        view.put("actionPlan", redact(action.actionPlan(), hidden));
        view.put("implementationNotes", redact(action.implementationNotes(), hidden));
        view.put("implementedAt", action.implementedAt());
        view.put("effectivenessCheckDue", action.effectivenessCheckDue());
        view.put("effectivenessNotes", redact(action.effectivenessNotes(), hidden));
        view.put("checkedAt", action.checkedAt());
        view.put("processInstanceId", action.processInstanceId());
        view.put("complaints", linked.stream().map(c -> {
            Map<String, Object> complaint = new LinkedHashMap<>();
            boolean withheld = c.confidential() && !confidentialShown;
            complaint.put("reference", withheld ? null : c.reference());
            complaint.put("confidential", c.confidential());
            complaint.put("category", c.category());
            complaint.put("productOrService", withheld ? null : c.productOrService());
            complaint.put("receivedAt", c.receivedAt());
            complaint.put("stage", c.stage());
            complaint.put("linkedAt", c.linkedAt());
            complaint.put("linkedBy", c.linkedBy());
            complaint.put("linkReason", c.linkReason());
            return complaint;
        }).toList());
        view.put("history", register.events(action.id()).stream().map(e -> {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("occurredAt", e.occurredAt());
            event.put("type", e.type());
            event.put("actor", e.actor());
            event.put("summary", redact(e.summary(), hidden));
            event.put("detail", redact(e.detail(), hidden));
            return event;
        }).toList());
        return view;
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
        List<String> groups = authentication == null || authentication.getGroupIds() == null ? List.of()
                : authentication.getGroupIds();
        return groups.contains(StaffGroups.MANAGERS) || groups.contains(StaffGroups.ADMIN);
    }
}
