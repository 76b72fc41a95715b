package org.complaints.engine.access;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.complaints.register.ComplaintRegister;
import org.complaints.security.ComplaintAccess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts the access policy into the engine: the authorization provider that withholds task grants, the
 * access listener on every user task, and the rules for what clients may send ({@link ClientCommandRules}).
 * The beans it needs are looked up when first used, because the engine is
 * built before them.
 */
@Component
class AccessEnginePlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<ComplaintRegister> register;
    private final ObjectProvider<ComplaintAccess> access;

    AccessEnginePlugin(ObjectProvider<ComplaintRegister> register, ObjectProvider<ComplaintAccess> access) {
        this.register = register;
        this.access = access;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new ComplaintAuthorizationProvider(register::getObject));
        TaskListener listener = new TaskAccessListener(access::getObject, register::getObject);
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                UserTaskActivityBehavior behavior = (UserTaskActivityBehavior) activity.getActivityBehavior();
                behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
                behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, listener);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
        // inside the command context (post), so the rules read the command's task and filter in its transaction
        configuration.setCustomPostCommandInterceptorsTxRequired(
                withRules(configuration.getCustomPostCommandInterceptorsTxRequired()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(
                withRules(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
    }

    private static List<CommandInterceptor> withRules(List<CommandInterceptor> interceptors) {
        List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        all.add(0, new ClientCommandRules());
        return all;
    }
}
