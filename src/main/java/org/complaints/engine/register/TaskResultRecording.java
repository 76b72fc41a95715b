package org.complaints.engine.register;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.complaints.register.ComplaintRegister;
import org.complaints.register.TaskRecorder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds the {@link TaskResultRecorder} to the complete event of every user task of every diagram, after the task's
 * own listeners, so nothing needs to be drawn or typed in Modeler for a task's result to reach the event log. The
 * beans it needs are looked up when first used, because the engine is built before them.
 */
@Component
class TaskResultRecording extends AbstractProcessEnginePlugin {

    private final ObjectProvider<ComplaintRegister> register;
    private final ObjectProvider<TaskRecorder> recorder;

    TaskResultRecording(ObjectProvider<ComplaintRegister> register, ObjectProvider<TaskRecorder> recorder) {
        this.register = register;
        this.recorder = recorder;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        TaskListener listener = new TaskResultRecorder(register::getObject, recorder::getObject);
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior())
                        .getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }
}
