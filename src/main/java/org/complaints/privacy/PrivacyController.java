package org.complaints.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.complaints.apidocs.ApiErrors;
import org.complaints.audit.AuditLog;
import org.complaints.engine.InvalidInputException;
import org.complaints.register.AccessMarkings;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintRegister;
import org.complaints.security.NamedStaff;
import org.complaints.security.StaffAccess;
import org.complaints.security.StaffApi;
import org.complaints.security.StaffGroups;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Data-protection requests, for complaint managers and administrators: subject access export, erasure on
 * request, and the legal hold that stops anonymisation and the engine's history clean-up.
 */
@RestController
@StaffApi
@Tag(name = "staff")
@SecurityRequirement(name = ApiErrors.STAFF_SECURITY)
@ApiResponse(responseCode = "401", ref = ApiErrors.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = ApiErrors.FORBIDDEN)
class PrivacyController {

    private final SubjectAccess subjects;
    private final Anonymiser anonymiser;
    private final ComplaintRegister register;
    private final LegalHolds legalHolds;
    private final StaffAccess staff;
    private final AuditLog audit;

    PrivacyController(
            SubjectAccess subjects,
            Anonymiser anonymiser,
            ComplaintRegister register,
            LegalHolds legalHolds,
            StaffAccess staff,
            AuditLog audit) {
        this.subjects = subjects;
        this.anonymiser = anonymiser;
        this.register = register;
        this.legalHolds = legalHolds;
        this.staff = staff;
        this.audit = audit;
    }

    // a map by design: the export holds every row kept about the person, keyed by the register's columns
    @GetMapping("/api/staff/privacy/subject-access")
    @Operation(
            summary = "Everything held about a person",
            description = "The person is identified by one of: email; phone; references with name; name with"
                    + " postalAddress (docs/security.md, data protection). 400 names what is missing, too weak or"
                    + " matches more than one person.")
    @ApiResponse(responseCode = "200", description = "The export")
    @ApiResponse(responseCode = "400", ref = ApiErrors.STAFF_INVALID)
    @ApiResponse(responseCode = "404", ref = ApiErrors.STAFF_NOT_FOUND)
    Map<String, Object> export(
            @Parameter(description = "The person's e-mail address", example = "jan.devries@example.net")
                    @RequestParam(required = false)
                    String email,
            @Parameter(
                            description = "The person's phone number, compared by its digits (spaces and punctuation"
                                    + " ignored); with several people behind one number, give the name too",
                            example = "+31 20 123 4567")
                    @RequestParam(required = false)
                    String phone,
            @Parameter(
                            description = "One or more complaint references (comma-separated), with the name",
                            example = "CMP-2026-000042")
                    @RequestParam(required = false)
                    String references,
            @Parameter(
                            description = "The person's name as the complaint has it: required with references and"
                                    + " postalAddress, narrows an e-mail or phone match",
                            example = "Aaltje Jansen")
                    @RequestParam(required = false)
                    String name,
            @Parameter(
                            description = "The person's postal address (compared by its letters and digits), with"
                                    + " the name",
                            example = "Dorpsstraat 12, 1234 AB Ergens")
                    @RequestParam(required = false)
                    String postalAddress) {
        String actor = staff.requireAnyGroup(StaffGroups.MANAGERS, StaffGroups.ADMIN);
        SubjectAccess.Subject subject =
                subjects.find(SubjectIdentifier.of(email, phone, references, name, postalAddress));
        notNaming(subject.all(), actor);
        Map<String, Object> export = subjects.export(subject);
        // who read whose data and how they found it, per complaint (ISO 10002 4.7); not the identifier's value
        for (Long id : subject.all()) {
            AccessMarkings markings = register.accessMarkings(id);
            audit.append(
                    id,
                    markings.processInstanceId(),
                    actor,
                    "privacy.SUBJECT_ACCESS_EXPORTED",
                    "subject-access",
                    null,
                    Map.of(
                            "reference",
                            markings.reference(),
                            "identifiedBy",
                            subject.identifier().kind(),
                            "as",
                            subject.asComplainant().contains(id) ? "complainant" : "representative"));
        }
        return export;
    }

    /** Staff a complaint names answer no request about it: another complaint manager does (ISO 10002 4.7). */
    private void notNaming(List<Long> complaints, String actor) {
        complaints.forEach(id -> NamedStaff.requireNotNamed(register.accessMarkings(id), actor));
    }

    record ErasureRequest(
            @Schema(description = "The person's e-mail address", example = "jan.devries@example.net")
            String email,

            @Schema(
                    description = "The person's phone number, compared by its digits; with several people"
                            + " behind one number, give the name too",
                    example = "+31 20 123 4567")
            String phone,

            @Schema(description = "One or more complaint references, with the name", example = "[\"CMP-2026-000042\"]")
            List<String> references,

            @Schema(
                    description = "The person's name as the complaint has it: required with references and"
                            + " postalAddress, narrows an e-mail or phone match",
                    example = "Aaltje Jansen")
            String name,

            @Schema(
                    description =
                            "The person's postal address (compared by its letters and digits), with the" + " name",
                    example = "Dorpsstraat 12, 1234 AB Ergens")
            String postalAddress,

            @Schema(description = "Why (recorded in the audit log)", example = "Erasure request of 3 March by letter")
            String reason) {}

    /**
     * What an erasure did: the complaints anonymised, those where the person's data as representative was removed,
     * and those a legal hold kept, with the hold's reason.
     */
    record Erasure(
            @Schema(description = "References of the complaints anonymised", example = "[\"CMP-2026-000042\"]")
            List<String> erased,

            @Schema(description = "Complaints kept because of a legal hold, with the reason")
            List<HeldComplaint> held,

            @Schema(
                    description = "References of other people's complaints the person represented: their own"
                            + " data as representative removed, the complainant's case kept",
                    example = "[\"CMP-2026-000044\"]")
            List<String> representativeErased) {}

    record HeldComplaint(
            @Schema(description = "The complaint's reference", example = "CMP-2026-000043")
            String reference,

            @Schema(description = "Why it is on hold", example = "Court case 2026/118")
            String legalHoldReason) {}

    @PostMapping("/api/staff/privacy/erasures")
    @Operation(
            summary = "Erase a person's data now",
            description = "The person is identified as for the subject-access export. Their own complaints are"
                    + " anonymised; in complaints they made for someone else, their data as representative is"
                    + " removed.")
    @ApiResponse(responseCode = "200", description = "What was erased and what is held")
    @ApiResponse(responseCode = "400", ref = ApiErrors.STAFF_INVALID)
    @ApiResponse(responseCode = "404", ref = ApiErrors.STAFF_NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiErrors.STAFF_CONFLICT)
    Erasure erase(@RequestBody(required = false) ErasureRequest request) {
        String actor = staff.requireAnyGroup(StaffGroups.MANAGERS, StaffGroups.ADMIN);
        if (request == null) {
            throw new InvalidInputException("Send {\"email\": ..., \"reason\": ...} (or phone, references with name,"
                    + " or name with postalAddress instead of email)");
        }
        SubjectIdentifier who = SubjectIdentifier.of(
                request.email(), request.phone(), request.references(), request.name(), request.postalAddress());
        String reason = requireReason(request.reason());
        SubjectAccess.Subject subject = subjects.find(who);
        if (subject.all().isEmpty()) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND,
                    SubjectIdentifier.BY_EMAIL.equals(who.kind())
                            ? "No complaint was filed with this e-mail address."
                            : "No complaint matches this " + who.kind().replace('-', ' ') + ".");
        }
        notNaming(subject.all(), actor);
        List<String> waiting = anonymiser.waitingForRepresentative(subject.asRepresentative());
        if (!waiting.isEmpty()) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "Letters, calls or e-mails to this person as representative still wait in "
                            + String.join(", ", waiting)
                            + ": post the letters, record the calls or let the e-mails go out first, then ask again."
                            + " Nothing was erased.");
        }
        List<String> erased = new ArrayList<>();
        List<HeldComplaint> held = new ArrayList<>();
        List<String> representativeErased = new ArrayList<>();
        for (Long id : subject.all()) {
            AccessMarkings markings = register.accessMarkings(id);
            boolean own = subject.asComplainant().contains(id);
            boolean done = own
                    ? anonymiser.anonymise(id, "erasure request: " + reason, actor)
                    : anonymiser.removeRepresentative(id, "erasure request: " + reason, actor);
            if (!done) {
                held.add(new HeldComplaint(markings.reference(), String.valueOf(markings.legalHoldReason())));
            } else if (own) {
                erased.add(markings.reference());
            } else {
                representativeErased.add(markings.reference());
            }
        }
        return new Erasure(erased, held, representativeErased);
    }

    record LegalHold(
            @Schema(description = "true holds the data past retention, false releases the hold", example = "true")
            Boolean held,

            @Schema(description = "Why (recorded in the audit log)", example = "Court case 2026/123")
            String reason) {}

    record LegalHoldState(
            @Schema(description = "The complaint's reference", example = "CMP-2026-000043")
            String reference,

            @Schema(description = "Whether the complaint is now on legal hold", example = "true")
            boolean legalHold) {}

    @PutMapping("/api/staff/complaints/{reference}/legal-hold")
    @Operation(summary = "Set or release a legal hold")
    @ApiResponse(responseCode = "200", description = "The hold now")
    @ApiResponse(responseCode = "400", ref = ApiErrors.STAFF_INVALID)
    @ApiResponse(responseCode = "404", ref = ApiErrors.STAFF_NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiErrors.STAFF_CONFLICT)
    @Transactional
    LegalHoldState legalHold(
            @Parameter(description = "The complaint's reference", example = "CMP-2026-000042") @PathVariable
                    String reference,
            @RequestBody(required = false) LegalHold hold) {
        String actor = staff.requireAnyGroup(StaffGroups.MANAGERS, StaffGroups.ADMIN);
        if (hold == null || hold.held() == null) {
            throw new InvalidInputException("held: say true (hold the data) or false (release the hold)");
        }
        Complaint complaint = register.getByReference(reference);
        NamedStaff.requireNotNamed(register.accessMarkings(complaint.id()), actor);
        if (register.accessMarkings(complaint.id()).anonymised() && hold.held()) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "Complaint " + reference + " was already anonymised; there is no personal data left to hold.");
        }
        String reason = hold.held() ? requireReason(hold.reason()) : null;
        legalHolds.set(complaint.id(), hold.held(), reason, actor);
        return new LegalHoldState(reference, hold.held());
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.trim().length() < 5) {
            throw new InvalidInputException(
                    "reason: say why (at least 5 characters); it is kept in the complaint's history");
        }
        return reason.trim();
    }
}
