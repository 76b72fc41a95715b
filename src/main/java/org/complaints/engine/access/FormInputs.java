package org.complaints.engine.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The inputs of a deployed Camunda Form: the keys (and paths) of its fields that a person can fill in, in the
 * form's order. Fields
 * shown {@code disabled} only display context and are not submitted by Tasklist, so they are not inputs. A
 * deployed form never changes, so the answer is kept per process definition and task.
 */
public final class FormInputs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Set<String>> byForm = new ConcurrentHashMap<>();

    /** The inputs of the task's form; none when the task has no deployed Camunda Form. */
    public Set<String> ofTask(CommandContext context, TaskEntity task) {
        String key = task.getProcessDefinitionId() + '#' + task.getTaskDefinitionKey();
        return byForm.computeIfAbsent(
                key, k -> read(() -> context.runWithoutAuthorization(new GetDeployedTaskFormCmd(task.getId()))));
    }

    /** The inputs of the process definition's start form; none when it has no deployed Camunda Form. */
    public Set<String> ofStart(CommandContext context, String processDefinitionId) {
        return byForm.computeIfAbsent(
                processDefinitionId + "#start",
                k -> read(() -> context.runWithoutAuthorization(new GetDeployedStartFormCmd(processDefinitionId))));
    }

    private static Set<String> read(Supplier<InputStream> form) {
        Set<String> inputs = new LinkedHashSet<>();
        try (InputStream in = form.get()) {
            collect(JSON.readTree(in).path("components"), inputs);
        } catch (ProcessEngineException noDeployedForm) {
            // a task without a Camunda Form takes no input from clients
        } catch (IOException unreadable) {
            throw new IllegalStateException("A deployed form is not valid JSON", unreadable);
        }
        // in the form's order, which is the order a record of the form's values follows
        return Collections.unmodifiableSet(inputs);
    }

    private static void collect(JsonNode components, Set<String> inputs) {
        for (JsonNode component : components) {
            if (!component.path("disabled").asBoolean(false)) {
                for (String name : new String[] {"key", "path"}) {
                    if (component.hasNonNull(name)
                            && !component.path(name).asText().isBlank()) {
                        inputs.add(component.path(name).asText());
                    }
                }
            }
            collect(component.path("components"), inputs);
        }
    }
}
