package org.complaints.engine.register;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.complaints.engine.register.TaskResultRule.Recorder;
import org.junit.jupiter.api.Test;

/**
 * Every user task of every diagram records its result the one way ({@link TaskResultRule}): by the Record service
 * task directly after it, or by the engine-wide recorder from the input fields of its Camunda Form; complete listeners
 * in the diagrams are checks, and a listener that records a result is refused. Reads the files as they are in the working tree, so a task added to any diagram (a new
 * one included) is held to the rule; no application context.
 */
class TaskResultRuleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyUserTaskOfEveryDiagramRecordsItsResultTheOneWay() throws IOException {
        Map<String, Set<String>> inputsByForm = formInputs();
        List<String> problems = new ArrayList<>();
        Map<Recorder, Integer> counted = new HashMap<>();
        for (Path file : files(Path.of("processes"), ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            problems.addAll(problems(file.getFileName().toString(), model, inputsByForm, counted));
        }
        assertThat(problems)
                .as("user tasks that do not record their result the one way (docs/process-owners.md)")
                .isEmpty();
        assertThat(counted.getOrDefault(Recorder.RECORD_SERVICE_TASK, 0))
                .as("user tasks followed by a Record service task")
                .isGreaterThan(15);
        assertThat(counted.getOrDefault(Recorder.TASK_RESULT_RECORDER, 0))
                .as("user tasks recorded by the engine-wide recorder")
                .isGreaterThan(3);
    }

    @Test
    void aCompleteListenerThatRecordsAResultIsRefusedWhereverItIsDrawn() throws IOException {
        Map<String, Set<String>> inputsByForm = formInputs();
        BpmnModelInstance recordingListener = Bpmn.createExecutableProcess("p")
                .startEvent()
                .userTask("Task_ApproveResolution")
                .camundaTaskListenerDelegateExpression("complete", "${fourEyesCheck}")
                .camundaTaskListenerDelegateExpression("complete", "${recordApproval}")
                .serviceTask("Task_RecordApproval")
                .camundaDelegateExpression("${recordApprovalDelegate}")
                .endEvent()
                .done();
        ((UserTask) recordingListener.getModelElementById("Task_ApproveResolution"))
                .setCamundaFormRef("approve-resolution");

        assertThat(problems("test.bpmn", recordingListener, inputsByForm, new HashMap<>()))
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .contains("Task_ApproveResolution: complete listener ${recordApproval} is not a check");

        BpmnModelInstance checkOnly = Bpmn.createExecutableProcess("p")
                .startEvent()
                .userTask("Task_ApproveResolution")
                .camundaTaskListenerDelegateExpression("complete", "${fourEyesCheck}")
                .serviceTask("Task_RecordApproval")
                .camundaDelegateExpression("${recordApprovalDelegate}")
                .endEvent()
                .done();
        ((UserTask) checkOnly.getModelElementById("Task_ApproveResolution")).setCamundaFormRef("approve-resolution");
        assertThat(problems("test.bpmn", checkOnly, inputsByForm, new HashMap<>()))
                .isEmpty();
    }

    @Test
    void theRuleReadsTheDiagram() {
        BpmnModelInstance diagram = Bpmn.readModelFromFile(
                Path.of("processes/complaint-handling.bpmn").toFile());
        assertThat(TaskResultRule.recorderOf(diagram.getModelElementById("Task_ConfirmAssessment")))
                .isEqualTo(Recorder.RECORD_SERVICE_TASK);
        assertThat(TaskResultRule.recorderOf(diagram.getModelElementById("Task_CarryOutRemedy")))
                .isEqualTo(Recorder.TASK_RESULT_RECORDER);
        // the tasks whose result a complete listener recorded before have their Record service task
        Map<String, String> recordTasks = Map.of(
                "Task_ReviewScopeReaction", "Task_RecordScopeReview",
                "Task_SuperviseOverdueComplaint", "Task_RecordSupervision",
                "Task_RecordExternalReferral", "Task_RecordReferralDetails",
                "Task_ApproveResolution", "Task_RecordApproval",
                "Task_ApproveReviewDecision", "Task_RecordReviewApproval");
        recordTasks.forEach((task, record) -> {
            UserTask userTask = diagram.getModelElementById(task);
            assertThat(TaskResultRule.recordServiceTask(userTask))
                    .as(task)
                    .map(ServiceTask::getId)
                    .contains(record);
            assertThat(TaskResultRule.completeListeners(userTask)).as(task).allMatch(TaskResultRule::isCheck);
        });
        assertThat(TaskResultRule.isCheck("${externalOutcomeCheck}")).isTrue();
        assertThat(TaskResultRule.isCheck("${taskRecorder.record(task, 'a,b')}"))
                .isFalse();
        assertThat(TaskResultRule.isCheck("${recordSupervision}")).isFalse();
    }

    /** What breaks the rule in one diagram, each problem naming the file and the task; counts the recorders. */
    private static List<String> problems(
            String file,
            BpmnModelInstance model,
            Map<String, Set<String>> inputsByForm,
            Map<Recorder, Integer> counted) {
        List<String> problems = new ArrayList<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String where = file + " " + task.getId();
            Recorder recorder = TaskResultRule.recorderOf(task);
            counted.merge(recorder, 1, Integer::sum);
            String form = task.getCamundaFormRef();
            if (form == null || !inputsByForm.containsKey(form)) {
                problems.add(where + ": needs a Camunda Form in forms/ (camunda:formRef), the record of what the"
                        + " step decides");
            } else if (recorder == Recorder.TASK_RESULT_RECORDER
                    && inputsByForm.get(form).isEmpty()) {
                problems.add(where + ": its form " + form + " has no input field, so its completion records nothing;"
                        + " add the field the person fills in");
            }
            if (recorder == Recorder.RECORD_SERVICE_TASK) {
                ServiceTask record = TaskResultRule.recordServiceTask(task).orElseThrow();
                if (record.getCamundaDelegateExpression() == null
                        || !record.getCamundaDelegateExpression().matches("\\$\\{record\\w+Delegate}")) {
                    problems.add(where + ": its Record service task " + record.getId()
                            + " must call a delegate named after it, ${record...Delegate}");
                }
            }
            for (String listener : TaskResultRule.completeListeners(task)) {
                if (!TaskResultRule.isCheck(listener)) {
                    problems.add(where + ": complete listener " + listener + " is not a check (${...Check});"
                            + " the result is recorded by the engine (TASK_COMPLETED from the form's fields)"
                            + " or, with consequences, by a Record service task (Task_Record..., "
                            + "${record...Delegate}) directly after the task");
                }
            }
        }
        return problems;
    }

    /** The input fields (not disabled) of every form in forms/, by form id. */
    private static Map<String, Set<String>> formInputs() throws IOException {
        Map<String, Set<String>> byId = new HashMap<>();
        for (Path file : files(Path.of("forms"), ".form")) {
            JsonNode form = JSON.readTree(file.toFile());
            Set<String> inputs = new TreeSet<>();
            collect(form.path("components"), inputs);
            byId.put(form.path("id").asText(), inputs);
        }
        return byId;
    }

    private static void collect(JsonNode components, Set<String> inputs) {
        for (JsonNode component : components) {
            if (!component.path("disabled").asBoolean(false) && component.hasNonNull("key")) {
                inputs.add(component.path("key").asText());
            }
            collect(component.path("components"), inputs);
        }
    }

    private static List<Path> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
