package org.complaints.engine.access;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What the engine accepts from its clients, checked where the engine runs each command (inside its command
 * context, so whatever route, encoding or size a request took, the command it became is what is checked).
 *
 * <p>Queries, from anyone:
 * <ul>
 * <li>an ad-hoc query carries no expression, neither at its top level nor in its or-queries (the engine checks only
 * the top level; an expression is evaluated with the engine's rights and can reach Spring beans and reflection);</li>
 * <li>a stored filter carries only the query functions Tasklist filters need ({@code currentUser()},
 * {@code currentUserGroups()}, {@code now()}, {@code dateTime()} moved by whole units), checked when it is saved
 * and each time it runs.</li>
 * </ul>
 *
 * <p>Commands a client of the REST API or of the webapps sends ({@link ClientRequests}):
 * <ul>
 * <li>a task takes only the inputs of its own form, as plain values: the process's own variables (the complaint's
 * id, reference, handling group, proposer, rounds) cannot be set through a task;</li>
 * <li>a process starts only with the inputs of its start form and without a business key (the register gives
 * the reference), and only at its start event;</li>
 * <li>process instance variables, messages, signals and conditions are not for clients: complainants' messages
 * arrive through their own channels, staff act through tasks and the staff API.</li>
 * </ul>
 */
final class ClientCommandRules extends CommandInterceptor {

    private static final Pattern STORED_QUERY_EXPRESSION = Pattern.compile("\\$\\{\\s*(?:currentUser\\(\\)"
            + "|currentUserGroups\\(\\)|now\\(\\)|dateTime\\(\\)(?:\\.(?:plus|minus)(?:Years|Months|Weeks|Days|Hours"
            + "|Minutes)\\(\\d{1,4}\\))*(?:\\.withTimeAtStartOfDay\\(\\))?)\\s*\\}");

    /** Value types a form submits: text, numbers, yes/no, dates (form-js sends them as text) and lists as JSON. */
    private static final Set<String> FORM_VALUE_TYPES =
            Set.of("null", "string", "boolean", "short", "integer", "long", "double", "date", "json");

    /** Commands no client may send, whatever its grants. */
    private static final List<Class<?>> NOT_FOR_CLIENTS = List.of(
            AbstractSetVariableCmd.class,
            AbstractPatchVariablesCmd.class,
            AbstractRemoveVariableCmd.class,
            SetVariablesToProcessInstancesBatchCmd.class,
            AbstractCorrelateMessageCmd.class,
            CorrelateAllMessageBatchCmd.class,
            MessageEventReceivedCmd.class,
            SignalCmd.class,
            SignalEventReceivedCmd.class,
            EvaluateStartConditionCmd.class,
            StartProcessInstanceAtActivitiesCmd.class);

    /** Commands nested inside a command are the engine's or the application's own, not the client's. */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final FormInputs forms = new FormInputs();

    @Override
    public <T> T execute(Command<T> command) {
        int[] depth = DEPTH.get();
        checkQuery(command);
        if (depth[0] == 0 && ClientRequests.inProgress()) {
            checkClientCommand(command);
        }
        depth[0]++;
        try {
            return next.execute(command);
        } finally {
            depth[0]--;
        }
    }

    private static void checkQuery(Command<?> command) {
        if (command instanceof AbstractQuery<?, ?> query) {
            refuseExpressions(query);
        } else if (command instanceof AbstractExecuteFilterCmd filterCommand) {
            if (field(filterCommand, "extendingQuery") instanceof AbstractQuery<?, ?> extending) {
                refuseExpressions(extending);
            }
            Object filterId = field(filterCommand, "filterId");
            FilterEntity filter = filterId == null
                    ? null
                    : Context.getCommandContext().getFilterManager().findFilterById(filterId.toString());
            if (filter != null) {
                checkStoredQuery(filter);
            }
        } else if (command instanceof SaveFilterCmd && field(command, "filter") instanceof Filter filter) {
            checkStoredQuery(filter);
        }
    }

    private static void refuseExpressions(AbstractQuery<?, ?> query) {
        Map<String, String> expressions = expressionsOf(query);
        if (!expressions.isEmpty()) {
            throw new BadUserRequestException("Expressions are not allowed in queries ("
                    + String.join(", ", expressions.keySet()) + "). Use the literal value instead.");
        }
    }

    private static void checkStoredQuery(Filter filter) {
        if (filter.getQuery() instanceof AbstractQuery<?, ?> query) {
            for (Map.Entry<String, String> expression : expressionsOf(query).entrySet()) {
                if (!STORED_QUERY_EXPRESSION.matcher(expression.getValue()).matches()) {
                    throw new BadUserRequestException("Filter \"" + filter.getName() + "\": " + expression.getKey()
                            + " may use only ${currentUser()}, ${currentUserGroups()}, ${now()} or ${dateTime()} with "
                            + "plusDays(n) and the like.");
                }
            }
        }
    }

    /** The expressions of a query and of its or-queries, by the query method they feed. */
    static Map<String, String> expressionsOf(AbstractQuery<?, ?> query) {
        Map<String, String> expressions = new LinkedHashMap<>(query.getExpressions());
        if (query instanceof TaskQueryImpl task) {
            for (TaskQueryImpl orQuery : task.getQueries()) {
                if (orQuery != task) {
                    expressions.putAll(orQuery.getExpressions());
                }
            }
        }
        return expressions;
    }

    private void checkClientCommand(Command<?> command) {
        CommandContext context = Context.getCommandContext();
        if (command instanceof SubmitTaskFormCmd) {
            checkTaskInput(context, field(command, "taskId"), map(field(command, "properties")), List.of());
        } else if (command instanceof CompleteTaskCmd
                || command instanceof HandleTaskBpmnErrorCmd
                || command instanceof HandleTaskEscalationCmd) {
            checkTaskInput(context, field(command, "taskId"), map(field(command, "variables")), List.of());
        } else if (command instanceof SetTaskVariablesCmd
                || command instanceof PatchTaskVariablesCmd
                || command instanceof RemoveTaskVariablesCmd) {
            List<String> removed = new ArrayList<>();
            // set: variables; patch: variables and deletions; remove: variableNames
            String names = command instanceof RemoveTaskVariablesCmd
                    ? "variableNames"
                    : command instanceof PatchTaskVariablesCmd ? "deletions" : null;
            if (names != null && field(command, names) instanceof Collection<?> removedNames) {
                removedNames.forEach(name -> removed.add(String.valueOf(name)));
            }
            Object variables = command instanceof RemoveTaskVariablesCmd ? null : field(command, "variables");
            checkTaskInput(context, field(command, "entityId"), map(variables), removed);
        } else if (command instanceof SubmitStartFormCmd) {
            checkStart(
                    context,
                    definition(context, (String) field(command, "processDefinitionId"), null),
                    (String) field(command, "businessKey"),
                    map(field(command, "variables")));
        } else if (command instanceof StartProcessInstanceCmd
                && field(command, "instantiationBuilder") instanceof ProcessInstantiationBuilderImpl builder) {
            checkStart(
                    context,
                    definition(context, builder.getProcessDefinitionId(), builder.getProcessDefinitionKey()),
                    builder.getBusinessKey(),
                    builder.getVariables());
        } else {
            for (Class<?> refused : NOT_FOR_CLIENTS) {
                if (refused.isInstance(command)) {
                    throw new AuthorizationException("Process variables, messages and signals are written by the "
                            + "application's own steps: work on a complaint through its tasks and the staff API.");
                }
            }
        }
    }

    private void checkTaskInput(CommandContext context, Object taskId, Map<String, ?> variables, List<String> removed) {
        if (variables.isEmpty() && removed.isEmpty() || taskId == null) {
            return;
        }
        TaskEntity task = context.getTaskManager().findTaskById(taskId.toString());
        if (task == null) {
            return; // the command itself answers "no task"
        }
        Set<String> inputs = task.getProcessDefinitionId() == null ? Set.of() : forms.ofTask(context, task);
        List<String> names = new ArrayList<>(variables.keySet());
        names.addAll(removed);
        checkInputs("Task \"" + task.getName() + "\"", inputs, names, variables);
    }

    private void checkStart(
            CommandContext context, ProcessDefinitionEntity definition, String businessKey, Map<String, ?> variables) {
        if (definition == null) {
            return; // the command itself answers "no such process"
        }
        if (businessKey != null && !businessKey.isBlank()) {
            throw new BadUserRequestException("businessKey: the register gives every complaint its reference; start "
                    + "without a business key.");
        }
        checkInputs(
                "The start form of \"" + (definition.getName() != null ? definition.getName() : definition.getKey())
                        + "\"",
                forms.ofStart(context, definition.getId()),
                new ArrayList<>(variables.keySet()),
                variables);
    }

    private static void checkInputs(String what, Set<String> inputs, List<String> names, Map<String, ?> variables) {
        List<String> unknown =
                names.stream().filter(name -> !inputs.contains(name)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new BadUserRequestException(unknown.get(0) + ": " + what + " takes only the fields of its form ("
                    + (inputs.isEmpty() ? "none" : String.join(", ", inputs)) + "); not " + String.join(", ", unknown)
                    + ".");
        }
        for (Map.Entry<String, ?> variable : variables.entrySet()) {
            if (!isFormValue(variable.getValue())) {
                throw new BadUserRequestException(variable.getKey() + ": a form field holds text, a number, yes/no, a "
                        + "date or a list; not " + describe(variable.getValue()) + ".");
            }
        }
    }

    /** A value as a form submits it; objects (of any serialization) would be deserialized later, so none is taken. */
    private static boolean isFormValue(Object value) {
        if (value instanceof TypedValue typed) {
            if (typed.getType() != null) {
                return FORM_VALUE_TYPES.contains(typed.getType().getName());
            }
            value = typed.getValue(); // untyped: the engine would choose the type from the Java value
        }
        return value == null
                || value instanceof String
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof java.util.Date;
    }

    private static String describe(Object value) {
        if (value instanceof TypedValue typed && typed.getType() != null) {
            return "a value of type " + typed.getType().getName();
        }
        return "an object";
    }

    private static ProcessDefinitionEntity definition(CommandContext context, String id, String key) {
        var cache = context.getProcessEngineConfiguration().getDeploymentCache();
        try {
            return id != null
                    ? cache.findDeployedProcessDefinitionById(id)
                    : key != null ? cache.findDeployedLatestProcessDefinitionByKey(key) : null;
        } catch (RuntimeException notFound) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> map(Object variables) {
        return variables instanceof Map<?, ?> map ? (Map<String, ?>) map : Map.of();
    }

    /** A command's field: the engine's commands expose their input only to subclasses. */
    private static Object field(Object target, String name) {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException next) {
                // declared further up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + name + " of " + type.getName(), e);
            }
        }
        throw new IllegalStateException(target.getClass().getName() + " has no field " + name
                + ": the client command rules need checking against this Camunda version");
    }
}
