package org.complaints.engine.register;

import java.util.Collection;
import java.util.List;
import java.util.Map;
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
 *       #CHECK_SUFFIX}), except the few in {@link #RECORDED_BY_LISTENER}, whose results are still recorded by their
 *       listener until their diagram gets a Record service task.
 * </ul>
 */
public final class TaskResultRule {

    public static final String RECORD_TASK_PREFIX = "Task_Record";
    public static final String CHECK_SUFFIX = "Check";

    /**
     * Listeners that record their task's result themselves (with the event type they write): each should become a
     * Record service task after its user task; until then the recorder leaves these tasks to them, so a completion
     * is recorded once. No listener may be added here.
     */
    public static final Map<String, String> RECORDED_BY_LISTENER = Map.of(
            "${scopeReview}", "SCOPE_REVIEWED",
            "${recordSupervision}", "DEADLINE_REVISED",
            "${recordExternalReferral}", "EXTERNAL_REFERRAL",
            "${fourEyesCheck}", "APPROVED or RETURNED");

    /** Who records a user task's result. */
    public enum Recorder {
        /** The Record service task directly after the user task. */
        RECORD_SERVICE_TASK,
        /** A listener of {@link #RECORDED_BY_LISTENER}. */
        LISTENER,
        /** The engine-wide {@link TaskResultRecorder}. */
        TASK_RESULT_RECORDER
    }

    private TaskResultRule() {}

    public static Recorder recorderOf(UserTask task) {
        if (recordServiceTask(task).isPresent()) {
            return Recorder.RECORD_SERVICE_TASK;
        }
        if (completeListeners(task).stream().anyMatch(RECORDED_BY_LISTENER::containsKey)) {
            return Recorder.LISTENER;
        }
        return Recorder.TASK_RESULT_RECORDER;
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
