package org.complaints.webapps;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.complaints.deadlines.DeadlineProperties;
import org.complaints.intake.DuplicateCheck;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.security.StaffAccess;
import org.complaints.security.StaffGroups;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the webapps' staff scripts ask the application, with the webapps' session (GET only, like every staff
 * page): whether the signed-in person may change things in Cockpit, and the notice a member of staff reads right
 * after registering a complaint with Tasklist's start form (its reference, and likely duplicates).
 */
@RestController
class WebappStaff {

    private final StaffAccess staff;
    private final IdentityService identity;
    private final ComplaintRegister register;
    private final DuplicateCheck duplicates;
    private final MessageSource messages;
    private final ZoneId zone;

    WebappStaff(
            StaffAccess staff,
            IdentityService identity,
            ComplaintRegister register,
            DuplicateCheck duplicates,
            MessageSource messages,
            DeadlineProperties deadlines) {
        this.staff = staff;
        this.identity = identity;
        this.register = register;
        this.duplicates = duplicates;
        this.messages = messages;
        this.zone = deadlines.zone();
    }

    /**
     * Whether Cockpit should offer the signed-in person its changing buttons (cancel, suspend, edit or delete a
     * variable, retry): complaint managers and administrators have the grants behind them; quality managers read
     * only, and a button that can only fail with a permission error is hidden from them (docs/security.md).
     */
    @GetMapping("/staff/webapps/me")
    Map<String, Object> me() {
        String user = staff.requireAnyGroup(
                StaffGroups.INTAKE, StaffGroups.HANDLERS, StaffGroups.MANAGERS, StaffGroups.QUALITY, StaffGroups.ADMIN);
        Authentication authentication = identity.getCurrentAuthentication();
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        boolean editor = groups.contains(StaffGroups.MANAGERS) || groups.contains(StaffGroups.ADMIN);
        return Map.of("userId", user, "editor", editor);
    }

    /**
     * The complaint the signed-in person just registered by starting process instance {@code processInstanceId}:
     * its reference to tell the caller, and the earlier complaints it likely repeats. Only for the person who
     * registered it; anyone else gets 404, as for an instance that handles no complaint.
     */
    @GetMapping("/staff/webapps/registrations/{processInstanceId}")
    Map<String, Object> registration(@PathVariable String processInstanceId, Locale locale) {
        String user = staff.requireAnyGroup(
                StaffGroups.INTAKE, StaffGroups.HANDLERS, StaffGroups.MANAGERS, StaffGroups.QUALITY, StaffGroups.ADMIN);
        Complaint complaint = register.idOfProcessInstance(processInstanceId)
                .map(register::get)
                .filter(c -> user.equals(c.receivedBy()))
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "No complaint registered by you in this process instance"));
        DateTimeFormatter format =
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale);
        List<Map<String, String>> repeats = duplicates.of(complaint).stream()
                .map(d -> Map.of(
                        "reference",
                        d.reference(),
                        "receivedAt",
                        format.format(d.receivedAt().atZone(zone)),
                        "productOrService",
                        d.productOrService(),
                        "sameAs",
                        messages.getMessage("webapps.duplicate.same-" + d.sameAs(), null, locale)))
                .toList();
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("reference", complaint.reference());
        notice.put("message", messages.getMessage("webapps.registered", new Object[] {complaint.reference()}, locale));
        notice.put("possibleDuplicates", repeats);
        if (!repeats.isEmpty()) {
            notice.put("duplicateWarning", messages.getMessage("webapps.duplicate.warning", null, locale));
        }
        return notice;
    }
}
