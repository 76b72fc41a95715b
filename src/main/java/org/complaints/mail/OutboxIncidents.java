package org.complaints.mail;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Incidents in the engine for e-mails the outbox gave up, so they show in Cockpit on the complaint's (or corrective
 * action's) running process instance, found by its business key, the reference. Resolving the incident sends the
 * message once more (the engine's incident handler, {@code engine/mail/MailIncidentHandler}).
 */
@Component
public class OutboxIncidents {

    /** The incident type; its configuration names the outbox message ({@code mail-outbox:<id>}). */
    public static final String TYPE = "mailNotDelivered";

    /** An incident's configuration names its e-mail in the outbox. */
    private static final String PREFIX = "mail-outbox:";

    private final RuntimeService runtime;

    public OutboxIncidents(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Raises the incident on the current activity of the running instance with this business key, if there is one. */
    public Optional<String> raise(long outboxId, String reference, String message) {
        ProcessInstance instance =
                runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).active().list().stream()
                        .findFirst()
                        .orElse(null);
        if (instance == null) {
            return Optional.empty();
        }
        String executionId = currentExecution(runtime.getActivityInstance(instance.getId()), instance.getId());
        Incident incident = runtime.createIncident(TYPE, executionId, configuration(outboxId), message);
        return Optional.of(incident.getId());
    }

    /** Resolves the incident if it is still open (the message went out, or is being retried, after all). */
    public void resolve(String incidentId) {
        if (runtime.createIncidentQuery().incidentId(incidentId).count() > 0) {
            runtime.resolveIncident(incidentId);
        }
    }

    /** The execution of the first activity the instance is waiting in (a task, a timer), where Cockpit shows it. */
    private static String currentExecution(ActivityInstance root, String fallback) {
        Deque<ActivityInstance> open = new ArrayDeque<>();
        open.add(root);
        while (!open.isEmpty()) {
            ActivityInstance next = open.poll();
            if (next.getChildActivityInstances().length == 0 && next.getExecutionIds().length > 0 && next != root) {
                return next.getExecutionIds()[0];
            }
            open.addAll(List.of(next.getChildActivityInstances()));
        }
        return fallback;
    }

    static String configuration(long outboxId) {
        return PREFIX + outboxId;
    }

    /** The e-mail an incident of {@link #TYPE} is about, if its configuration names one. */
    public static java.util.Optional<Long> outboxId(String configuration) {
        return configuration != null && configuration.startsWith(PREFIX)
                ? java.util.Optional.of(Long.parseLong(configuration.substring(PREFIX.length())))
                : java.util.Optional.empty();
    }
}
