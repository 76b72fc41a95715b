package org.complaints.analysis;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.complaints.register.ComplaintEvent;
import org.complaints.register.EventOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which clause of ISO 10002:2018 a step of a complaint's record evidences, for the auditor's evidence record: by
 * event type ({@link EventClauses}); for a completed task, the task's documentation in the diagram version that ran
 * it ({@link TaskClauses}); for an e-mail, its template ({@link MailClauses}). A step none of them knows has no
 * clause: an evidence record must not claim a clause nobody recorded. Each such gap is logged once, so it gets fixed.
 */
@Component
class IsoClauses {

    private static final Logger LOG = LoggerFactory.getLogger(IsoClauses.class);

    private final TaskClauses tasks;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    IsoClauses(TaskClauses tasks) {
        this.tasks = tasks;
    }

    Optional<StepClause> of(ComplaintEvent event) {
        Optional<EventClauses> type = EventClauses.of(event.type());
        if (type.isEmpty()) {
            return unrecorded("event type " + event.type() + " is not in analysis/EventClauses");
        }
        EventOrigin origin = event.origin();
        return switch (type.get().source()) {
            case EVENT_TYPE -> type.get().clause();
            case MAIL_TEMPLATE ->
                origin.mailTemplate() == null
                        ? unrecorded(event.type() + " entries without their template")
                        : MailClauses.of(origin.mailTemplate())
                                .map(MailClauses::clause)
                                .or(() -> unrecorded("e-mail template " + origin.mailTemplate()
                                        + " is not in analysis/MailClauses"));
            case TASK ->
                origin.taskDefinitionKey() == null
                        ? unrecorded(event.type() + " entries without their task")
                        : tasks.of(origin.processDefinitionId(), origin.taskDefinitionKey())
                                .map(StepClause::of)
                                .or(() -> unrecorded("task " + origin.taskDefinitionKey() + " of process definition "
                                        + origin.processDefinitionId() + " names no clause in its documentation"));
        };
    }

    private Optional<StepClause> unrecorded(String gap) {
        if (reported.add(gap)) {
            LOG.warn("Evidence record: clause not recorded: {}", gap);
        }
        return Optional.empty();
    }
}
