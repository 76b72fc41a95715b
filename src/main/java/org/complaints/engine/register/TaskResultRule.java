package org.complaints.engine.register;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;

/**
 * The one rule for where a user task's result is recorded, read from the diagram alone so that process owners, the
 * engine and the tests agree on it:
 *
 * <ul>
 *   <li>a task whose result has consequences hands it to a <em>Record service task</em> directly after it (its one
 *       outgoing flow leads to a service task whose id starts with {@value #RECORD_TASK_PREFIX}); that task stores
 *       the result and writes its own event (ASSESSED, PROPOSED, ...);
 *   <li>every other task is recorded by the {@link TaskResultRecorder}: {@code TASK_COMPLETED} with the values of
 *       its form's input fields;
 *   <li>complete listeners in a diagram are checks that refuse a completion (bean name ending in {@value
 *       #CHECK_SUFFIX}); they never record a result, so a refused completion records nothing and a result is
 *       recorded in one place.
 * </ul>
 */
public final class TaskResultRule {

    public static final String RECORD_TASK_PREFIX = "Task_Record";
    public static final String CHECK_SUFFIX = "Check";

    /** Who records a user task's result. */
    public enum Recorder {
        /** The Record service task directly after the user task. */
        RECORD_SERVICE_TASK,
        /** The engine-wide {@link TaskResultRecorder}. */
        TASK_RESULT_RECORDER
    }

    private TaskResultRule() {}

    public static Recorder recorderOf(UserTask task) {
        return recordServiceTask(task).isPresent() ? Recorder.RECORD_SERVICE_TASK : Recorder.TASK_RESULT_RECORDER;
    }

    /** The Record service task the user task hands its result to, if its one outgoing flow leads to one. */
    public static Optional<ServiceTask> recordServiceTask(UserTask task) {
        Collection<SequenceFlow> outgoing = task.getOutgoing();
        if (outgoing.size() != 1) {
            return Optional.empty();
        }
        return outgoing.iterator().next().getTarget() instanceof ServiceTask next
                        && next.getId().startsWith(RECORD_TASK_PREFIX)
                ? Optional.of(next)
                : Optional.empty();
    }

    /**
     * The expressions (or delegate expressions, or classes) of the task's complete listeners in the diagram, in
     * their order.
     */
    public static List<String> completeListeners(UserTask task) {
        if (task.getExtensionElements() == null) {
            return List.of();
        }
        return task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
                .filter(l -> "complete".equals(l.getCamundaEvent()))
                .map(TaskResultRule::implementation)
                .toList();
    }

    private static String implementation(CamundaTaskListener listener) {
        if (listener.getCamundaDelegateExpression() != null) {
            return listener.getCamundaDelegateExpression();
        }
        return listener.getCamundaExpression() != null
                ? listener.getCamundaExpression()
                : String.valueOf(listener.getCamundaClass());
    }

    /** Whether the listener is a check by its name: a delegate expression naming a bean that ends in "Check". */
    public static boolean isCheck(String listener) {
        return listener.matches("\\$\\{\\w+" + CHECK_SUFFIX + "}");
    }
}
