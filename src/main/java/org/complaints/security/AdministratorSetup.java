package org.complaints.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * No default credentials: outside demo mode the first administrator comes from the environment, and the
 * application refuses to start without one. Otherwise the Camunda webapp would let the first anonymous
 * visitor create an administrator account.
 */
@Component
public class AdministratorSetup {

    private final IdentityService identity;
    private final AdministratorProperties administrator;
    private final boolean demoMode;

    /** @param demoMode demo mode brings its own demo users (the demo package), an administrator among them */
    public AdministratorSetup(
            IdentityService identity,
            AdministratorProperties administrator,
            @Value("${complaints.demo.enabled:false}") boolean demoMode) {
        this.identity = identity;
        this.administrator = administrator;
        this.demoMode = demoMode;
    }

    @EventListener(PostDeployEvent.class)
    @Order(5)
    public void ensureAdministrator() {
        if (demoMode
                || identity.createUserQuery().memberOfGroup(StaffGroups.ADMIN).count() > 0) {
            return;
        }
        String user = administrator.user();
        String password = administrator.password();
        if (user == null || user.isBlank() || password == null || password.isBlank()) {
            throw new IllegalStateException(
                    "No administrator exists. Set COMPLAINTS_ADMIN_USER and "
                            + "COMPLAINTS_ADMIN_PASSWORD (complaints.admin.user and complaints.admin.password) for the first start.");
        }
        if (password.length() < 12 || password.equalsIgnoreCase(user)) {
            throw new IllegalStateException(
                    "COMPLAINTS_ADMIN_PASSWORD must have at least 12 characters and differ " + "from the user id.");
        }
        if (identity.createUserQuery().userId(user).count() == 0) {
            User admin = identity.newUser(user);
            admin.setFirstName("Complaints");
            admin.setLastName("Administrator");
            admin.setPassword(password);
            identity.saveUser(admin);
        }
        identity.createMembership(user, StaffGroups.ADMIN);
    }
}
