package org.complaints.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The staff groups the diagrams assign work to; created at start-up in every mode, idempotently. */
@Component
public class StaffGroups {

    public static final String INTAKE = "complaint-intake";
    public static final String HANDLERS = "complaint-handlers";
    public static final String MANAGERS = "complaint-managers";
    public static final String QUALITY = "quality-managers";
    public static final String ADMIN = "camunda-admin";

    record GroupDefinition(String id, String name) {}

    static final List<GroupDefinition> GROUPS = List.of(
            new GroupDefinition(INTAKE, "Complaint intake"),
            new GroupDefinition(HANDLERS, "Complaint handlers"),
            new GroupDefinition(MANAGERS, "Complaint managers"),
            new GroupDefinition(QUALITY, "Quality managers"),
            new GroupDefinition(ADMIN, "Camunda administrators"));

    private final IdentityService identity;

    public StaffGroups(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener(PostDeployEvent.class)
    @Order(1)
    public void createGroups() {
        for (GroupDefinition definition : GROUPS) {
            if (identity.createGroupQuery().groupId(definition.id()).count() == 0) {
                Group group = identity.newGroup(definition.id());
                group.setName(definition.name());
                group.setType(ADMIN.equals(definition.id()) ? "SYSTEM" : "WORKFLOW");
                identity.saveGroup(group);
            }
        }
    }
}
