package org.complaints.engine.authorization;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Access bookkeeping (grants, revokes, candidate groups) is done by the application on behalf of the policy,
 * not by the person whose action triggered it: a handler completing a task may not edit authorizations, yet
 * completing it must grant the next task's group. Runs in the current engine command when there is one.
 */
@Component
public class EngineAuthority {

    private final ProcessEngineConfigurationImpl configuration;

    public EngineAuthority(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    public <T> T withoutAuthorization(Supplier<T> work) {
        CommandContext current = Context.getCommandContext();
        if (current != null) {
            return current.runWithoutAuthorization(work::get);
        }
        return configuration
                .getCommandExecutorTxRequired()
                .execute(context -> context.runWithoutAuthorization(work::get));
    }

    public void withoutAuthorization(Runnable work) {
        withoutAuthorization(() -> {
            work.run();
            return null;
        });
    }
}
