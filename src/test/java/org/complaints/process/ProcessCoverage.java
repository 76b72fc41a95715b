package org.complaints.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * Engine plugin of the process tests (registered by {@link ProcessTestConfiguration}): records which flow nodes
 * started and which sequence flows were taken, per process definition key, for the process test class running
 * at the time ({@link ProcessCoverageExtension} says which). What runs outside a process test class counts for none.
 */
public class ProcessCoverage extends AbstractProcessEnginePlugin {

    /** test class name -> "processKey#elementId" */
    private static final Map<String, Set<String>> COVERED = new ConcurrentHashMap<>();

    // static: jobs may run on other threads than the test's (e.g. CompletableFuture in CorrectiveActionTriggersTest)
    private static volatile String runningClass;

    /** The process test class whose coverage is recorded from now on; null: none. */
    static void running(String testClass) {
        runningClass = testClass;
    }

    /** Element ids of this process reached by any process test class so far. */
    static Set<String> covered(String processKey) {
        Set<String> result = new TreeSet<>();
        COVERED.values().forEach(elements -> result.addAll(elementsOf(processKey, elements)));
        return result;
    }

    /** For each test class that reached this process: the element ids it reached. */
    static Map<String, Set<String>> coveredByClass(String processKey) {
        Map<String, Set<String>> result = new TreeMap<>();
        COVERED.forEach((testClass, elements) -> {
            Set<String> ids = elementsOf(processKey, elements);
            if (!ids.isEmpty()) {
                result.put(testClass, ids);
            }
        });
        return result;
    }

    private static Set<String> elementsOf(String processKey, Set<String> elements) {
        String prefix = processKey + "#";
        Set<String> ids = new TreeSet<>();
        elements.stream().filter(e -> e.startsWith(prefix)).forEach(e -> ids.add(e.substring(prefix.length())));
        return ids;
    }

    private static void record(String processKey, String elementId) {
        String testClass = runningClass;
        if (testClass != null) {
            COVERED.computeIfAbsent(testClass, c -> ConcurrentHashMap.newKeySet())
                    .add(processKey + "#" + elementId);
        }
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
            activity.addListener(
                    ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> record(key, activityId));
            for (var transition : activity.getOutgoingTransitions()) {
                String flowId = transition.getId();
                ((TransitionImpl) transition).addListener(ExecutionListener.EVENTNAME_TAKE, (ExecutionListener)
                        execution -> record(key, flowId));
            }
            instrument(key, activity);
        }
    }
}
