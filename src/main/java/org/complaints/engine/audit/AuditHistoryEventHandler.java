package org.complaints.engine.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.complaints.audit.AuditLog;

/**
 * The engine's side of the audit log: instances started and ended, tasks created, assigned, completed and
 * deleted, variables set, incidents, and every operation a person did through Tasklist, Cockpit or the REST
 * API (with the values before and after). Runs in the engine's transaction, beside the engine's own history.
 */
public class AuditHistoryEventHandler implements HistoryEventHandler {

    private final Supplier<AuditLog> log;

    AuditHistoryEventHandler(Supplier<AuditLog> log) {
        this.log = log;
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        String type = event.getEventType();
        if (event instanceof UserOperationLogEntryEventEntity operation) {
            Map<String, Object> before = new LinkedHashMap<>();
            Map<String, Object> after = new LinkedHashMap<>();
            putIfPresent(before, "value", operation.getOrgValue());
            putIfPresent(after, "value", operation.getNewValue());
            putIfPresent(after, "entityType", operation.getEntityType());
            putIfPresent(after, "taskId", operation.getTaskId());
            putIfPresent(after, "jobId", operation.getJobId());
            log.get()
                    .append(
                            null,
                            operation.getProcessInstanceId(),
                            operation.getUserId() != null ? operation.getUserId() : actor(),
                            "operation." + operation.getOperationType(),
                            operation.getProperty(),
                            before,
                            after);
        } else if (event instanceof HistoricVariableUpdateEventEntity variable) {
            boolean created = "create".equals(type);
            boolean deleted = "delete".equals(type);
            log.get()
                    .appendVariableChange(
                            variable.getProcessInstanceId(),
                            variable.getTaskId(),
                            actor(),
                            variable.getVariableName(),
                            !created,
                            created ? null : previousValue(variable),
                            !deleted,
                            deleted ? null : value(variable));
        } else if (event instanceof HistoricTaskInstanceEventEntity task) {
            Map<String, Object> after = new LinkedHashMap<>();
            putIfPresent(after, "name", task.getName());
            putIfPresent(after, "taskDefinitionKey", task.getTaskDefinitionKey());
            putIfPresent(after, "assignee", task.getAssignee());
            putIfPresent(after, "deleteReason", task.getDeleteReason());
            log.get().append(null, task.getProcessInstanceId(), actor(), "task." + type, task.getTaskId(), null, after);
        } else if (event instanceof HistoricProcessInstanceEventEntity process) {
            Map<String, Object> after = new LinkedHashMap<>();
            putIfPresent(after, "businessKey", process.getBusinessKey());
            putIfPresent(after, "state", process.getState());
            putIfPresent(after, "deleteReason", process.getDeleteReason());
            log.get()
                    .append(
                            null,
                            process.getProcessInstanceId(),
                            actor(),
                            "process." + type,
                            process.getProcessDefinitionKey(),
                            null,
                            after);
        } else if (event instanceof HistoricIncidentEventEntity incident) {
            // not the incident message: it may quote data; the type and place are what an auditor follows
            Map<String, Object> after = new LinkedHashMap<>();
            putIfPresent(after, "incidentType", incident.getIncidentType());
            putIfPresent(after, "activityId", incident.getActivityId());
            log.get()
                    .append(
                            null,
                            incident.getProcessInstanceId(),
                            actor(),
                            "incident." + type,
                            incident.getId(),
                            null,
                            after);
        }
    }

    /**
     * The value before this change (an update or a deletion). The engine's own history handler, which runs after
     * this one, loads the variable's history row to update it; loading it here first costs no extra query (the
     * engine then finds it in its cache) and still holds the old value. Without that row (an event from outside the
     * engine) the audit log's last record answers.
     */
    private Object previousValue(HistoricVariableUpdateEventEntity variable) {
        CommandContext context = Context.getCommandContext();
        if (context != null && variable.getVariableInstanceId() != null) {
            HistoricVariableInstanceEntity previous = context.getDbEntityManager()
                    .selectById(HistoricVariableInstanceEntity.class, variable.getVariableInstanceId());
            if (previous != null) {
                return value(
                        previous.getTextValue(),
                        previous.getLongValue(),
                        previous.getDoubleValue(),
                        previous.getByteArrayId() != null,
                        previous.getSerializerName());
            }
        }
        return log.get().lastVariableValue(variable.getProcessInstanceId(), variable.getVariableName());
    }

    private static Object value(HistoricVariableUpdateEventEntity variable) {
        return value(
                variable.getTextValue(),
                variable.getLongValue(),
                variable.getDoubleValue(),
                variable.getByteValue() != null,
                variable.getSerializerName());
    }

    private static Object value(String text, Long number, Double decimal, boolean bytes, String serializer) {
        if (text != null) {
            return text;
        }
        if (number != null) {
            return number;
        }
        if (decimal != null) {
            return decimal;
        }
        return bytes ? "[" + serializer + "]" : null;
    }

    private static String actor() {
        CommandContext context = Context.getCommandContext();
        String user = context == null ? null : context.getAuthenticatedUserId();
        return user == null ? "system" : user;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
