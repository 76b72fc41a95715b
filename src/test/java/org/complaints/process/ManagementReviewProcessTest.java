package org.complaints.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.complaints.engine.InvalidInputException;
import org.complaints.managementreview.ManagementReview;
import org.complaints.managementreview.ManagementReviews;
import org.complaints.managementreview.ReviewAction;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path through processes/management-review.bpmn (ISO 10002 8.6) on the real Spring context: the scheduled
 * start, a requested review, a review without actions, actions tracked to completion, an overdue action chased,
 * and the refusals of an incomplete outcome.
 */
@ProcessTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManagementReviewProcessTest extends ProcessTestBase {

    static final String KEY = "management-review";
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    @Autowired
    ManagementReviews reviews;

    private String definitionId() {
        return repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(KEY)
                .latestVersion()
                .singleResult()
                .getId();
    }

    private ProcessInstance requested(String from, String to) {
        return staff.as("quality", () -> reviews.request(from, to, "quality"));
    }

    private ManagementReview reviewOf(ProcessInstance instance) {
        return reviews.get(((Number) runtime.getVariable(instance.getId(), "reviewId")).longValue());
    }

    private static Map<String, Object> outcome(List<Map<String, String>> actions) {
        Map<String, Object> form = new HashMap<>();
        form.put("attendees", "Quinn Quality, Mia Manager, the managing director");
        form.put(
                "conclusions",
                "Acknowledgement is reliable; decisions were late in the billing category because of "
                        + "staffing. Complaints handling is suitable and adequate, effectiveness to improve on billing.");
        form.put("reviewDecisions", "Add a second billing specialist to the complaint-handlers group.");
        form.put("actions", org.camunda.spin.Spin.JSON(toJson(actions)));
        return form;
    }

    private static String toJson(List<Map<String, String>> actions) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(actions);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(1)
    void theScheduleStartsAReviewOfLastMonthWhichCanCloseWithoutActions() {
        Job timer = management
                .createJobQuery()
                .processDefinitionId(definitionId())
                .timers()
                .singleResult();
        assertThat(timer).as("the review schedule's timer start").isNotNull();
        // monthly on the first at 06:00 (Camunda cron, configurable; the engine reads it in the server's time zone)
        assertThat(timer.getDuedate().toInstant().atZone(ZoneId.systemDefault()).getDayOfMonth())
                .isEqualTo(1);
        assertThat(timer.getDuedate().toInstant().atZone(ZoneId.systemDefault()).getHour())
                .isEqualTo(6);

        // other process tests share this engine and may have fired the schedule with their clock moved ahead:
        // the review to check is the one this job starts
        List<String> earlier = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).list().stream()
                .map(ProcessInstance::getId)
                .toList();
        management.executeJob(timer.getId());
        ProcessInstance instance =
                runtime.createProcessInstanceQuery().processDefinitionKey(KEY).active().list().stream()
                        .filter(p -> p.getBusinessKey() != null && !earlier.contains(p.getId()))
                        .findFirst()
                        .orElseThrow();
        assertThat(instance)
                .isWaitingAt("Task_HoldManagementReview")
                .hasPassed("StartEvent_ReviewDue", "Task_PrepareReviewInput");
        ManagementReview review = reviewOf(instance);
        LocalDate firstOfMonth = LocalDate.now(ZONE).withDayOfMonth(1);
        assertThat(review.periodFrom()).isEqualTo(firstOfMonth.minusMonths(1));
        assertThat(review.periodTo()).isEqualTo(firstOfMonth.minusDays(1));
        assertThat(review.reference()).matches("MR-\\d{4}-\\d{4}");
        assertThat(instance).hasBusinessKey(review.reference());
        assertThat(review.inputJson()).contains("\"objectives\"").contains("\"openActionsOfEarlierReviews\"");
        Task hold = staff.task(instance, "Task_HoldManagementReview");
        assertThat(hold.getDueDate()).isAfter(new Date());
        assertThat((String) runtime.getVariable(instance.getId(), "reviewSummary"))
                .contains("objectives:");
        // the schedule goes on: a new timer for the next month
        assertThat(management
                        .createJobQuery()
                        .processDefinitionId(definitionId())
                        .timers()
                        .count())
                .isOne();

        staff.complete("quality", instance, "Task_HoldManagementReview", outcome(List.of()));
        assertThat(instance)
                .isEnded()
                .hasPassed("Task_RecordReviewOutcome", "Gateway_ReviewDone", "Task_CloseReview", "End_ReviewClosed")
                .hasNotPassed("SubProcess_ReviewAction");
        ManagementReview held = reviews.get(review.id());
        assertThat(held.heldBy()).isEqualTo("quality");
        assertThat(held.conclusions()).startsWith("Acknowledgement is reliable");
        assertThat(held.closedAt()).isNotNull();
    }

    @Test
    @Order(2)
    void aRequestedReviewTracksEachActionToCompletionAndChasesAnOverdueOne() {
        ProcessInstance instance = requested("2026-01-01", "2026-06-30");
        ManagementReview review = reviewOf(instance);
        assertThat(review.periodFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(review.periodTo()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(instance).hasPassed("StartEvent_ReviewRequested");

        String soon = LocalDate.now(ZONE).plusDays(7).toString();
        String later = LocalDate.now(ZONE).plusDays(30).toString();
        staff.complete(
                "quality",
                instance,
                "Task_HoldManagementReview",
                outcome(List.of(
                        Map.of("description", "Hire a second billing specialist", "owner", "manager", "dueDate", later),
                        Map.of(
                                "description",
                                "Rewrite the advance-payment letter",
                                "owner",
                                "handler",
                                "dueDate",
                                soon))));
        List<ReviewAction> actions = reviews.actions(review.id());
        assertThat(actions).extracting(ReviewAction::owner).containsExactly("manager", "handler");
        List<Task> open = tasks.createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey("Task_CarryOutReviewAction")
                .list();
        assertThat(open).extracting(Task::getAssignee).containsExactlyInAnyOrder("manager", "handler");
        Task handlers = open.stream()
                .filter(t -> t.getAssignee().equals("handler"))
                .findFirst()
                .orElseThrow();
        assertThat(handlers.getDueDate()).isEqualTo(reviews.dueAt(actions.get(1)));

        // the handler's action is done in time; a note is required
        assertThatThrownBy(() -> staff.as("handler", () -> {
                    tasks.complete(handlers.getId(), Map.of("completionNote", "ok"));
                    return null;
                }))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("completionNote: say what was done");
        staff.as("handler", () -> {
            tasks.complete(handlers.getId(), Map.of("completionNote", "New letter approved by legal and in use."));
            return null;
        });
        assertThat(reviews.action(actions.get(1).id()).status()).isEqualTo(ReviewAction.DONE);
        assertThat(reviews.action(actions.get(1).id()).completedBy()).isEqualTo("handler");

        // the manager's action passes its due date: quality managers are asked to chase it, it stays with the owner
        staff.advanceTo(reviews.dueAt(actions.get(0)));
        Task chase = tasks.createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey("Task_ChaseOverdueAction")
                .singleResult();
        assertThat(chase).isNotNull();
        assertThat(runtime.getVariable(chase.getExecutionId(), "actionDescription"))
                .isEqualTo("Hire a second billing specialist");
        staff.as("quality", () -> {
            tasks.claim(chase.getId(), "quality");
            tasks.complete(chase.getId(), Map.of("chaseNote", "Vacancy is open; interviews next week."));
            return null;
        });
        assertThat(instance)
                .hasPassed("Boundary_ActionOverdue", "Task_ChaseOverdueAction", "End_ActionChased")
                .isNotEnded();
        Task managers = tasks.createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey("Task_CarryOutReviewAction")
                .singleResult();
        assertThat(managers.getAssignee()).isEqualTo("manager");
        staff.as("manager", () -> {
            tasks.complete(managers.getId(), Map.of("completionNote", "Second billing specialist started on the 1st."));
            return null;
        });
        assertThat(instance).isEnded().hasPassed("End_ActionDone", "Task_CloseReview", "End_ReviewClosed");
        assertThat(reviews.actions(review.id()))
                .extracting(ReviewAction::status)
                .containsOnly(ReviewAction.DONE);
        assertThat(reviews.get(review.id()).closedAt()).isNotNull();
    }

    @Test
    @Order(3)
    void anIncompleteOutcomeIsRefusedWithEveryReasonAndTheTaskStaysOpen() {
        ProcessInstance instance = requested(null, null);
        Map<String, Object> form = outcome(List.of(
                Map.of("description", "Fix", "owner", "nobody-here", "dueDate", "2020-01-01"),
                Map.of("description", "Train the phone staff on the new script", "owner", "", "dueDate", "")));
        form.put("conclusions", "Fine.");
        form.put("attendees", " ");
        assertThatThrownBy(() -> staff.complete("quality", instance, "Task_HoldManagementReview", form))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("attendees: name who took part")
                .hasMessageContaining("conclusions: state the review's conclusions")
                .hasMessageContaining("actions[1].description")
                .hasMessageContaining("actions[1].owner: there is no staff account \"nobody-here\"")
                .hasMessageContaining("actions[1].dueDate: 2020-01-01 has passed")
                .hasMessageContaining("actions[2].owner: name the staff member")
                .hasMessageContaining("actions[2].dueDate: give the due date");
        assertThat(instance).isWaitingAt("Task_HoldManagementReview");
        assertThat(reviews.actions(reviewOf(instance).id())).isEmpty();
        assertThat(reviewOf(instance).heldAt()).isNull();

        // a period that ends before it starts is refused when the review is requested
        assertThatThrownBy(() -> requested("2026-06-30", "2026-01-01"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ends before it starts");
    }
}
