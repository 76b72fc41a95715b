package org.complaints.deadlines;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Time limits of single user tasks and of a revised response date, beside the stage limits of
 * {@link DeadlineProperties} under the same prefix (ISO 10002 4.15, 7.3).
 *
 * @param taskDays         working days a task has from its creation, by its id in the diagram (e.g.
 *                         {@code Task_CarryOutRemedy: 10}); a task whose due date calls
 *                         {@code ${taskDeadlines.due(execution)}} needs a rule here
 * @param maxExtensionDays a manager's revised response date lies at most this many working days after the day it is
 *                         set, so that an overdue complaint is looked at again within a bounded time
 */
@ConfigurationProperties("complaints.deadlines")
public record TaskDeadlineProperties(
        @DefaultValue({}) Map<String, Integer> taskDays,
        @DefaultValue("20") int maxExtensionDays) {

    public TaskDeadlineProperties {
        taskDays = taskDays == null ? Map.of() : Map.copyOf(taskDays);
        if (maxExtensionDays < 1) {
            throw new IllegalArgumentException(
                    "complaints.deadlines.max-extension-days must be at least 1, got " + maxExtensionDays);
        }
    }
}
