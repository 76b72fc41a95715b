package org.complaints.engine.access;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.complaints.register.ComplaintRegister;
import org.complaints.security.ComplaintAccess;

/**
 * Added to every user task of every diagram (so a task a process owner adds later is covered too): applies
 * {@link ComplaintAccess} when a task of a complaint is created or assigned. A task may name extra reader
 * groups in its extension property {@code readableBy} (comma-separated), e.g. intake staff reading the
 * reference of the complaint they registered.
 */
class TaskAccessListener implements TaskListener {

    static final String READABLE_BY = "readableBy";

    private final Supplier<ComplaintAccess> access;
    private final Supplier<ComplaintRegister> register;

    TaskAccessListener(Supplier<ComplaintAccess> access, Supplier<ComplaintRegister> register) {
        this.access = access;
        this.register = register;
    }

    /** The readers of each task of each deployed diagram, which never changes once deployed. */
    private final Map<String, List<String>> readersByTask = new ConcurrentHashMap<>();

    @Override
    public void notify(DelegateTask task) {
        // the complaint the register linked to this instance; tasks of other processes have none
        Optional<Long> complaint = register.get().idOfProcessInstance(task.getProcessInstanceId());
        if (complaint.isEmpty()) {
            return;
        }
        long id = complaint.get();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            access.get()
                    .taskCreated(
                            task,
                            id,
                            readersByTask.computeIfAbsent(
                                    task.getProcessDefinitionId() + '\n' + task.getTaskDefinitionKey(),
                                    key -> readers(task)));
        } else if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            access.get().taskAssigned(task, id);
        }
    }

    private static List<String> readers(DelegateTask task) {
        FlowElement element = task.getBpmnModelElementInstance();
        ExtensionElements extensions = element == null ? null : element.getExtensionElements();
        if (extensions == null) {
            return List.of();
        }
        return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> READABLE_BY.equals(property.getCamundaName()))
                .map(CamundaProperty::getCamundaValue)
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
