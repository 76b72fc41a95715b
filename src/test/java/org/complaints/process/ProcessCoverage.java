package org.complaints.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Records which flow nodes started and which sequence flows were taken, per process definition key, for the
 * process test coverage report. Registered as an engine plugin in tests only.
 */
public class ProcessCoverage extends AbstractProcessEnginePlugin {

    private static final Set<String> COVERED = ConcurrentHashMap.newKeySet();

    public static Set<String> covered(String processKey) {
        Set<String> result = ConcurrentHashMap.newKeySet();
        String prefix = processKey + "#";
        COVERED.stream().filter(e -> e.startsWith(prefix)).forEach(e -> result.add(e.substring(prefix.length())));
        return result;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity definition) {
                instrument(definition.getKey(), definition);
            }
        });
    }

    private static void instrument(String key, ScopeImpl scope) {
        for (ActivityImpl activity : scope.getActivities()) {
            String activityId = activity.getId();
            activity.addListener(ExecutionListener.EVENTNAME_START,
                    (ExecutionListener) execution -> COVERED.add(key + "#" + activityId));
            for (var transition : activity.getOutgoingTransitions()) {
                String flowId = transition.getId();
                ((TransitionImpl) transition).addListener(ExecutionListener.EVENTNAME_TAKE,
                        (ExecutionListener) execution -> COVERED.add(key + "#" + flowId));
            }
            instrument(key, activity);
        }
    }
}
