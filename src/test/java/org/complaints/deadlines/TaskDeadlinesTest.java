package org.complaints.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.complaints.deadlines.WorkingDayCalendarTest.day;
import static org.complaints.deadlines.WorkingDayCalendarTest.local;

import java.io.File;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * Due dates of single tasks (ISO 10002 4.15): one rule per task, looked up however relaxed binding spelled its id;
 * the maximum extension of a revised response date; and a rule for every task the diagrams give such a due date.
 */
class TaskDeadlinesTest {

    // Wed 2 Dec 2026, 10:00 in Amsterdam
    private final Clock clock = Clock.fixed(local("2026-12-02T10:00"), WorkingDayCalendarTest.AMSTERDAM);
    private final WorkingDayCalendar calendar = new WorkingDayCalendar(WorkingDayCalendarTest.properties());

    private TaskDeadlines deadlines(Map<String, Integer> rules, int maxExtension) {
        return new TaskDeadlines(
                calendar, new TaskDeadlineProperties(rules, maxExtension), WorkingDayCalendarTest.properties(), clock);
    }

    @Test
    void taskIsDueAfterItsRulesWorkingDaysWhateverSpellingTheBindingKept() {
        // Wed 2 Dec + 3 working days = Mon 7 Dec, 17:00
        Date expected = Date.from(local("2026-12-07T17:00"));
        assertThat(deadlines(Map.of("Task_CarryOutRemedy", 3), 20).dueOf("Task_CarryOutRemedy"))
                .isEqualTo(expected);
        assertThat(deadlines(Map.of("taskcarryoutremedy", 3), 20).dueOf("Task_CarryOutRemedy"))
                .isEqualTo(expected);
    }

    @Test
    void taskWithoutRuleIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> deadlines(Map.of(), 20).dueOf("Task_CheckRefund"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("complaints.deadlines.task-days")
                .hasMessageContaining("Task_CheckRefund");
    }

    @Test
    void revisedDateMayLieAtMostTheMaximumExtensionAheadOfToday() {
        // Wed 2 Dec + 5 working days = Wed 9 Dec
        assertThat(deadlines(Map.of(), 5).latestRevisedDate()).isEqualTo(day("2026-12-09"));
        // + 20 = Thu 31 Dec: Christmas Day (a Friday) does not count
        assertThat(deadlines(Map.of(), 20).latestRevisedDate()).isEqualTo(day("2026-12-31"));
        assertThatThrownBy(() -> new TaskDeadlineProperties(Map.of(), 0)).hasMessageContaining("max-extension-days");
    }

    @Test
    void everyTaskWhoseDueDateCallsTheBeanHasARuleInTheConfiguration() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        Properties settings = yaml.getObject();
        BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/complaint-handling.bpmn"));
        assertThat(model.getModelElementsByType(UserTask.class).stream()
                        .filter(task -> String.valueOf(task.getCamundaDueDate()).contains("taskDeadlines"))
                        .map(UserTask::getId))
                .isNotEmpty()
                .allSatisfy(id -> assertThat(settings.getProperty("complaints.deadlines.task-days." + id))
                        .as("complaints.deadlines.task-days." + id)
                        .isNotNull());
    }
}
