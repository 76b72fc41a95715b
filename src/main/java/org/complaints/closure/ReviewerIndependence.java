package org.complaints.closure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.complaints.engine.authorization.EngineAuthority;
import org.complaints.register.ComplaintEvent;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.EventLog;
import org.complaints.security.StaffGroups;
import org.springframework.stereotype.Service;

/**
 * Who may carry out the internal review of a complaint (ISO 10002 4.7 objectivity, 7.9): nobody who assessed,
 * investigated, proposed or approved (or returned) a decision on it, as the complaint's event log records them,
 * so that the review e-mail's "a colleague who had not handled your complaint before" is true. Staff the complaint
 * names are kept out by the access rules already.
 */
@Service
public class ReviewerIndependence {

    /** The event types that make their actor an earlier handler, with the role the refusal names. */
    private static final Map<String, String> HANDLING = Map.of(
            "ASSESSED", "assessed",
            "INVESTIGATED", "investigated",
            "PROPOSED", "proposed the decision",
            "APPROVED", "approved the decision",
            "RETURNED", "returned the proposal for rework");

    private final EventLog events;
    private final ComplaintRegister register;
    private final IdentityService identity;
    private final EngineAuthority authority;

    public ReviewerIndependence(
            EventLog events, ComplaintRegister register, IdentityService identity, EngineAuthority authority) {
        this.events = events;
        this.register = register;
        this.identity = identity;
        this.authority = authority;
    }

    /** Earlier handlers of the complaint, each with what they did, in the order they first acted. */
    public Map<String, Set<String>> earlierHandlers(long complaintId, List<String> alsoFromProcess) {
        Map<String, Set<String>> handlers = new LinkedHashMap<>();
        for (ComplaintEvent event : events.list(complaintId)) {
            String role = HANDLING.get(event.type());
            if (role != null && isPerson(event.actor())) {
                handlers.computeIfAbsent(event.actor(), a -> new LinkedHashSet<>())
                        .add(role);
            }
        }
        // the process's own record of investigator and proposer, should an event be missing
        for (String user : alsoFromProcess) {
            if (isPerson(user) && !handlers.containsKey(user)) {
                handlers.put(user, new LinkedHashSet<>(Set.of("handled the complaint")));
            }
        }
        return handlers;
    }

    /** The complaint managers who may review it: neither earlier handlers nor named in the complaint. */
    public List<String> eligibleReviewers(long complaintId, Set<String> excluded) {
        var markings = register.accessMarkings(complaintId);
        List<String> eligible = new ArrayList<>();
        for (User user : authority.withoutAuthorization(() ->
                identity.createUserQuery().memberOfGroup(StaffGroups.MANAGERS).list())) {
            if (!excluded.contains(user.getId()) && !markings.names(user.getId())) {
                eligible.add(user.getId());
            }
        }
        return eligible;
    }

    /** The refusal a former handler gets when assigned, claiming or completing the review. */
    public static String refusal(String reviewer, Set<String> roles) {
        return "Independent review: " + reviewer + " handled this complaint before (" + String.join(", ", roles)
                + ") and cannot review it. Another complaint manager must review it.";
    }

    /** Summary of the exclusions for the event log. */
    public static String describe(Map<String, Set<String>> handlers) {
        List<String> parts = new ArrayList<>();
        handlers.forEach((user, roles) -> parts.add(user + " (" + String.join(", ", roles) + ")"));
        return String.join("; ", parts);
    }

    private static boolean isPerson(String actor) {
        return actor != null && !actor.isBlank() && !"system".equals(actor) && !"complainant".equals(actor);
    }
}
