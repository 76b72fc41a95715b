package org.complaints.engine;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** The person on whose behalf the engine is working now (Tasklist session or authenticated REST call). */
@Component
public class CurrentUser {

    private final IdentityService identity;

    public CurrentUser(IdentityService identity) {
        this.identity = identity;
    }

    public Optional<String> id() {
        Authentication authentication = identity.getCurrentAuthentication();
        return Optional.ofNullable(authentication).map(Authentication::getUserId);
    }

    /** The user id, or a readable refusal naming what needs a signed-in person. */
    public String require(String action) {
        return id().orElseThrow(() -> new InvalidInputException(action + " needs a signed-in user"));
    }
}
