package org.complaints.complaintfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.complaints.engine.Refusal;
import org.complaints.register.AccessMarkings;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which complaints a member of staff may see, as one SQL condition on the register, so that the search filters
 * in the database (a million complaints cannot be checked one by one) and the file agrees with the search:
 * <ul>
 * <li>never a complaint that names the person (objectivity, ISO 10002 4.7);</li>
 * <li>complaint managers and administrators every other one;</li>
 * <li>quality managers every complaint that is not confidential (4.10);</li>
 * <li>everyone else what the engine grants them on the complaint's process instance: handlers through the
 * grant to their group while the complaint is not confidential, the assignee of a confidential complaint, the
 * member of intake who registered it (the grants {@code security/ComplaintAccess} writes and withdraws).</li>
 * </ul>
 * The grants are read from the engine's authorization table, the rows Tasklist and Cockpit are checked against.
 */
@Component
class ComplaintVisibility {

    private static final int GRANT = 1;

    private final JdbcClient jdbc;
    private final IdentityService identity;

    ComplaintVisibility(JdbcClient jdbc, IdentityService identity) {
        this.jdbc = jdbc;
        this.identity = identity;
    }

    /** The signed-in member of staff: 401 without a sign-in, 403 for an account in no staff group. */
    Viewer viewer() {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in with a staff account");
        }
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        if (groups.stream().noneMatch(Viewer.STAFF::contains)) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "The complaint file is for staff who work with complaints");
        }
        return new Viewer(authentication.getUserId(), groups);
    }

    /** A condition on {@code cmp_complaint c} with its named parameters. */
    record Condition(String sql, Map<String, Object> params) {}

    Condition condition(Viewer viewer) {
        Map<String, Object> params = new HashMap<>();
        params.put("viewerNamed", "%," + escapeLike(viewer.user()) + ",%");
        String notNamed = "(',' || coalesce(c.named_staff, '') || ',') not like :viewerNamed escape '!'";
        if (viewer.seesEverything()) {
            return new Condition(notNamed, params);
        }
        List<String> groups = new ArrayList<>(viewer.groups());
        if (groups.isEmpty()) {
            groups.add("-");
        }
        params.put("viewerUser", viewer.user());
        params.put("viewerGroups", groups);
        params.put("instanceResource", Resources.PROCESS_INSTANCE.resourceType());
        params.put("historyResource", Resources.HISTORIC_PROCESS_INSTANCE.resourceType());
        String granted = "exists (select 1 from act_ru_authorization a where a.resource_id_ = c.process_instance_id"
                + " and a.resource_type_ in (:instanceResource, :historyResource) and a.type_ = " + GRANT
                + " and (a.user_id_ = :viewerUser or a.group_id_ in (:viewerGroups)))";
        String allowed = viewer.qualityManager() ? "(c.confidential = false or " + granted + ")" : granted;
        return new Condition(notNamed + " and " + allowed, params);
    }

    /**
     * Refuses (403, saying why) a complaint the viewer may not see: named staff are told to ask a colleague,
     * others that the complaint is not theirs to see, without saying whether it is confidential.
     */
    void require(Viewer viewer, AccessMarkings markings) {
        if (markings.names(viewer.user())) {
            throw Refusal.forbidden(
                    "names-you",
                    "Complaint " + markings.reference()
                            + " names you, so its file is for others to read (objectivity, ISO 10002 4.7).");
        }
        Condition condition = condition(viewer);
        boolean visible =
                jdbc.sql("select count(*) from cmp_complaint c where c.id = :complaintId and " + condition.sql())
                                .params(condition.params())
                                .param("complaintId", markings.complaintId())
                                .query(Long.class)
                                .single()
                        > 0;
        if (!visible) {
            throw Refusal.forbidden(
                    "not-yours",
                    "Complaint " + markings.reference()
                            + " is not one you work on; a complaint manager can assign it to you.");
        }
    }

    private static String escapeLike(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
