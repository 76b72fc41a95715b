package org.complaints.security;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who calls the application's staff API (/api/staff/**): the person the authentication filter signed in with
 * HTTP Basic against the engine's identity service, and the groups that person belongs to.
 */
@Component
public class StaffAccess {

    private final IdentityService identity;

    public StaffAccess(IdentityService identity) {
        this.identity = identity;
    }

    /** The signed-in user's id if the user belongs to one of {@code groups}; 401 or 403 otherwise. */
    public String requireAnyGroup(String... groups) {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in with a staff account");
        }
        List<String> memberships = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        if (Arrays.stream(groups).noneMatch(memberships::contains)) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "This needs membership of one of the groups " + String.join(", ", groups));
        }
        return authentication.getUserId();
    }
}
