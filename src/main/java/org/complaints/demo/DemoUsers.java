package org.complaints.demo;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.complaints.security.StaffGroups;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo users (password {@code demo}), only in demo mode. */
@Component
@ConditionalOnProperty(name = "complaints.demo.enabled", havingValue = "true")
public class DemoUsers {

    public static final String PASSWORD = "demo";

    public record DemoUser(String id, String firstName, String lastName, List<String> groups) {}

    public static final List<DemoUser> USERS = List.of(
            new DemoUser(
                    "demo",
                    "Demo",
                    "Administrator",
                    List.of(StaffGroups.ADMIN, StaffGroups.MANAGERS, StaffGroups.QUALITY)),
            new DemoUser("intake", "Ida", "Intake", List.of(StaffGroups.INTAKE)),
            new DemoUser("handler", "Hanna", "Handler", List.of(StaffGroups.HANDLERS)),
            new DemoUser("handler2", "Hugo", "Handler", List.of(StaffGroups.HANDLERS)),
            new DemoUser("manager", "Mia", "Manager", List.of(StaffGroups.MANAGERS, StaffGroups.HANDLERS)),
            new DemoUser("quality", "Quinn", "Quality", List.of(StaffGroups.QUALITY)));

    private final IdentityService identity;

    public DemoUsers(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener(PostDeployEvent.class)
    @Order(3)
    public void seed() {
        seed(identity);
    }

    /** Creates missing demo users and memberships; also used by tests that need the same people. */
    public static void seed(IdentityService identity) {
        for (DemoUser demo : USERS) {
            if (identity.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identity.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.id() + "@staff.example.org");
                user.setPassword(PASSWORD);
                identity.saveUser(user);
            }
            for (String group : demo.groups()) {
                if (identity.createUserQuery()
                                .userId(demo.id())
                                .memberOfGroup(group)
                                .count()
                        == 0) {
                    identity.createMembership(demo.id(), group);
                }
            }
        }
    }
}
