package org.complaints.deadlines;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Due dates of user tasks from one rule per task in {@code complaints.deadlines.task-days} (ISO 10002 4.15). A task
 * in the diagram gets its due date with {@code camunda:dueDate="${taskDeadlines.due(execution)}"}; its escalation
 * timer (a timeout task listener) uses the same expression, so the escalation falls exactly at the due date.
 */
@Component("taskDeadlines")
public class TaskDeadlines {

    private final WorkingDayCalendar calendar;
    private final TaskDeadlineProperties properties;
    private final DeadlineProperties deadlines;
    private final Clock clock;
    // rule keys compared without case and punctuation: relaxed binding may drop the underscore of "Task_X"
    private final Map<String, Integer> days;

    public TaskDeadlines(
            WorkingDayCalendar calendar, TaskDeadlineProperties properties, DeadlineProperties deadlines, Clock clock) {
        this.calendar = calendar;
        this.properties = properties;
        this.deadlines = deadlines;
        this.clock = clock;
        this.days = properties.taskDays().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(e -> normalised(e.getKey()), Map.Entry::getValue, (a, b) -> b));
    }

    /** The due date of the user task {@code execution} is creating: its rule's working days from now. */
    public Date due(DelegateExecution execution) {
        return dueOf(execution.getCurrentActivityId());
    }

    /** The due date of task {@code taskKey} created now; refuses a task without a rule, naming the setting. */
    public Date dueOf(String taskKey) {
        int workingDays = daysOf(taskKey)
                .orElseThrow(() -> new IllegalStateException("complaints.deadlines.task-days has no rule for " + taskKey
                        + ": add the working days this task has, e.g. " + taskKey + ": 5"));
        return Date.from(calendar.workingDaysAfter(clock.instant(), workingDays));
    }

    public Optional<Integer> daysOf(String taskKey) {
        return Optional.ofNullable(days.get(normalised(taskKey)));
    }

    /** The latest revised response date a manager may set today: the maximum extension counted from today. */
    public LocalDate latestRevisedDate() {
        LocalDate today = clock.instant().atZone(deadlines.zone()).toLocalDate();
        return calendar.addWorkingDays(today, properties.maxExtensionDays());
    }

    public int maxExtensionDays() {
        return properties.maxExtensionDays();
    }

    private static String normalised(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
