package org.complaints.engine.access;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.complaints.security.StaffGroups;
import org.springframework.stereotype.Component;

/**
 * A task someone has claimed is theirs: only that person, a complaint manager or an administrator may complete
 * it, release it, hand it to someone else or delegate it. Other members of the group are refused (403) with a
 * message naming who has it; claiming it for oneself is the engine's conflict (409). The rule applies to people
 * acting through Tasklist, REST or the Java API with authorization checks on; the application's own bookkeeping
 * (escalation, confidential marking) runs without them and is not affected. Part of the engine's command checks,
 * so every way to the task is covered, not only one URL.
 */
@Component
class ClaimedTaskRule extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // only two of the checker's many checks concern a claimed task; the others pass
        CommandChecker checker = (CommandChecker) Proxy.newProxyInstance(
                CommandChecker.class.getClassLoader(), new Class<?>[] {CommandChecker.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "checkTaskWork", "checkTaskAssign" -> {
                            if (args != null && args.length == 1 && args[0] instanceof TaskEntity task) {
                                check(task);
                            }
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "toString" -> {
                            return "ClaimedTaskRule";
                        }
                        default -> {}
                    }
                    return null;
                });
        configuration.getCommandCheckers().add(checker);
    }

    static void check(TaskEntity task) {
        CommandContext context = Context.getCommandContext();
        CommandInvocationContext invocation = Context.getCommandInvocationContext();
        if (context == null
                || invocation == null
                || !context.isAuthorizationCheckEnabled()
                || !context.getProcessEngineConfiguration().isAuthorizationEnabled()) {
            return;
        }
        Authentication actor = context.getAuthentication();
        if (actor == null || actor.getUserId() == null) {
            return;
        }
        Command<?> command = invocation.getCommand();
        String assignee = assigneeBefore(task, command);
        if (assignee == null
                || assignee.equals(actor.getUserId())
                || !movesTheTask(task, command)
                || isManager(context, actor)) {
            return;
        }
        throw new AuthorizationException("The task '" + (task.getName() == null ? task.getId() : task.getName())
                + "' is claimed by " + assignee + ": only " + assignee + " or a complaint manager can complete it, "
                + "release it or hand it over. Ask them, or a complaint manager, to reassign it.");
    }

    /** Whom the task belonged to before this command; a saved task carries its change with it. */
    private static String assigneeBefore(TaskEntity task, Command<?> command) {
        PropertyChange change = task.getPropertyChanges().get(TaskEntity.ASSIGNEE);
        return command instanceof SaveTaskCmd && change != null ? (String) change.getOrgValue() : task.getAssignee();
    }

    /** Commands that finish the task or change who has it; a claim for oneself is left to the engine (409). */
    private static boolean movesTheTask(TaskEntity task, Command<?> command) {
        if (command instanceof ClaimTaskCmd claim) {
            return field(ClaimTaskCmd.class, "userId", claim) == null;
        }
        if (command instanceof AbstractAddIdentityLinkCmd || command instanceof DeleteIdentityLinkCmd) {
            Class<?> declaring = command instanceof DeleteIdentityLinkCmd
                    ? DeleteIdentityLinkCmd.class
                    : AbstractAddIdentityLinkCmd.class;
            Object type = field(declaring, "type", command);
            return IdentityLinkType.ASSIGNEE.equals(type) || IdentityLinkType.OWNER.equals(type);
        }
        if (command instanceof SaveTaskCmd) {
            return task.getPropertyChanges().containsKey(TaskEntity.ASSIGNEE)
                    || task.getPropertyChanges().containsKey(TaskEntity.OWNER);
        }
        return command instanceof CompleteTaskCmd
                || command instanceof SubmitTaskFormCmd
                || command instanceof DelegateTaskCmd
                || command instanceof HandleTaskBpmnErrorCmd
                || command instanceof HandleTaskEscalationCmd;
    }

    private static boolean isManager(CommandContext context, Authentication actor) {
        List<String> groups = actor.getGroupIds();
        if (groups == null) {
            // signed in by id only (Java API): the memberships as stored
            groups = context.runWithoutAuthorization(() -> context
                    .getProcessEngineConfiguration()
                    .getIdentityService()
                    .createGroupQuery()
                    .groupMember(actor.getUserId())
                    .list()
                    .stream()
                    .map(g -> g.getId())
                    .toList());
        }
        return groups.contains(StaffGroups.MANAGERS)
                || groups.contains(StaffGroups.ADMIN)
                || context.getAuthorizationManager().isCamundaAdmin(new Authentication(actor.getUserId(), groups));
    }

    /** A command's parameter, which the engine keeps in a protected field without a getter. */
    private static Object field(Class<?> declaring, String name, Object command) {
        try {
            Field field = declaring.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(command);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(
                    "Camunda's " + declaring.getSimpleName() + " has no field " + name
                            + " any more: the claimed-task rule needs updating for this engine version",
                    e);
        }
    }
}
