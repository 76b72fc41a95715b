package org.complaints.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.complaints.intake.Submissions.aPhoneComplaint;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.complaints.intake.ComplainantMessages;
import org.complaints.intake.ComplaintNotOpenException;
import org.complaints.intake.PendingMessageDelivery;
import org.complaints.intake.PendingMessageDelivery.Delivery;
import org.complaints.register.Complaint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Complainant messages that reach a process which cannot take them at that moment (here: an administrator
 * suspended the instance) are kept and delivered once it can; answers to a decision not yet sent are refused
 * with "try again". Real engine and register; the test runs the delivery sweep itself.
 */
@ProcessTest
class ComplainantMessageDeliveryTest extends ProcessTestBase {

    @Autowired
    ComplainantMessages messages;

    @Autowired
    PendingMessageDelivery deliveries;

    @Autowired
    JdbcClient jdbc;

    private ProcessInstance acknowledged() {
        ProcessInstance instance = staff.startByStaff(aPhoneComplaint().startForm());
        staff.runDueJobsOf(instance.getId());
        return instance;
    }

    /** Runs the sweep as the scheduler does once the pause after the failed attempt has passed. */
    private void sweepLater() {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 3_600_000));
        deliveries.deliverDue();
    }

    private Map<String, Object> kept(Complaint complaint, String messageName) {
        return jdbc.sql("select * from cmp_complainant_message where complaint_id = ? and message_name = ?")
                .params(complaint.id(), messageName)
                .query()
                .singleRow();
    }

    private long reviewTasks(ProcessInstance instance) {
        return tasks.createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey("Task_ReviewAddedInformation")
                .count();
    }

    @Test
    void informationThatCannotBeDeliveredNowIsKeptAndDeliveredOnceLater() {
        ProcessInstance instance = acknowledged();
        Complaint complaint = staff.complaintOf(instance);
        runtime.suspendProcessInstanceById(instance.getId());

        Delivery delivery = messages.addInformation(complaint.reference(), "The parcel number is 4711.", "web");

        assertThat(delivery).isEqualTo(Delivery.PENDING);
        // recorded in the register at once: staff see it even before the process has it
        assertThat(jdbc.sql("select content from cmp_added_information where complaint_id = ?")
                        .param(complaint.id())
                        .query(String.class)
                        .single())
                .isEqualTo("The parcel number is 4711.");
        assertThat(staff.eventTypes(complaint)).contains("INFORMATION_ADDED");
        assertThat(kept(complaint, ComplainantMessages.INFORMATION_ADDED))
                .containsEntry("status", "PENDING")
                .containsEntry("attempts", 1);
        assertThat(reviewTasks(instance)).isZero();

        deliveries.deliverDue();
        assertThat(kept(complaint, ComplainantMessages.INFORMATION_ADDED)).containsEntry("status", "PENDING");

        runtime.activateProcessInstanceById(instance.getId());
        sweepLater();
        assertThat(reviewTasks(instance)).isOne();
        assertThat(runtime.getVariable(instance.getId(), "addedInformation")).isEqualTo("The parcel number is 4711.");
        Map<String, Object> delivered = kept(complaint, ComplainantMessages.INFORMATION_ADDED);
        assertThat(delivered).containsEntry("status", "DELIVERED");
        assertThat(delivered.get("content"))
                .as("the text lives on in the register, not in the queue")
                .isNull();

        // a second sweep, or a second node delivering the same row, finds it taken
        sweepLater();
        deliveries.deliver(((Number) delivered.get("id")).longValue());
        assertThat(reviewTasks(instance)).isOne();
    }

    @Test
    void informationIsDeliveredAtOnceWhenTheProcessCanTakeIt() {
        ProcessInstance instance = acknowledged();
        Complaint complaint = staff.complaintOf(instance);
        assertThat(messages.addInformation(complaint.reference(), "Photo of the box attached later.", "web"))
                .isEqualTo(Delivery.DELIVERED);
        assertThat(reviewTasks(instance)).isOne();
        assertThat(kept(complaint, ComplainantMessages.INFORMATION_ADDED)).containsEntry("status", "DELIVERED");
    }

    @Test
    void informationAddedBeforeTheAssessmentIsKeptAndReachesTheGroupTheAssessmentNames() {
        ProcessInstance instance = staff.startByStaff(aPhoneComplaint().startForm());
        Complaint complaint = staff.complaintOf(instance);
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(instance.getId())
                        .activityId("Task_AssessPriority")
                        .count())
                .isOne();

        // received, not yet assessed: no handling group yet to review it
        assertThat(messages.addInformation(complaint.reference(), "The order number is 8812.", "web"))
                .isEqualTo(Delivery.PENDING);
        assertThat(kept(complaint, ComplainantMessages.INFORMATION_ADDED)).containsEntry("status", "PENDING");
        assertThat(reviewTasks(instance)).isZero();

        staff.runDueJobsOf(instance.getId());
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(instance.getId())
                        .taskDefinitionKey("Task_ConfirmAssessment")
                        .count())
                .isOne();
        sweepLater();
        Task review = tasks.createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey("Task_ReviewAddedInformation")
                .singleResult();
        assertThat(review).isNotNull();
        assertThat(tasks.getIdentityLinksForTask(review.getId()))
                .extracting(IdentityLink::getGroupId)
                .contains((String) runtime.getVariable(instance.getId(), "handlingGroup"));
        assertThat(kept(complaint, ComplainantMessages.INFORMATION_ADDED)).containsEntry("status", "DELIVERED");
    }

    @Test
    void aWithdrawalThatCannotBeAppliedNowIsAppliedOnceLater() {
        ProcessInstance instance = acknowledged();
        Complaint complaint = staff.complaintOf(instance);
        runtime.suspendProcessInstanceById(instance.getId());

        assertThat(messages.withdraw(complaint.reference(), "Solved with the shop."))
                .isEqualTo(Delivery.PENDING);
        // pressed twice: still one withdrawal waiting
        assertThat(messages.withdraw(complaint.reference(), "Solved with the shop."))
                .isEqualTo(Delivery.PENDING);
        assertThat(staff.reload(complaint).isClosed()).isFalse();

        runtime.activateProcessInstanceById(instance.getId());
        sweepLater();

        Complaint closed = staff.reload(complaint);
        assertThat(closed.isClosed()).isTrue();
        assertThat(closed.closureReason()).isEqualTo("WITHDRAWN");
        assertThat(kept(complaint, ComplainantMessages.COMPLAINT_WITHDRAWN)).containsEntry("status", "DELIVERED");
        assertThat(staff.eventTypes(complaint).stream().filter("WITHDRAWN"::equals))
                .hasSize(1);
        staff.runDueJobsOf(instance.getId());
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isZero();
    }

    @Test
    void aKeptMessageWhoseComplaintClosedFirstIsRecordedAsArrivingAfterClosure() {
        ProcessInstance instance = acknowledged();
        Complaint complaint = staff.complaintOf(instance);
        runtime.suspendProcessInstanceById(instance.getId());
        messages.addInformation(complaint.reference(), "One more detail.", "web");
        runtime.activateProcessInstanceById(instance.getId());
        assertThat(messages.withdraw(complaint.reference(), "Never mind.")).isEqualTo(Delivery.DELIVERED);

        sweepLater();

        assertThat(kept(complaint, ComplainantMessages.INFORMATION_ADDED)).containsEntry("status", "AFTER_CLOSURE");
        assertThat(staff.eventTypes(complaint)).contains("MESSAGE_AFTER_CLOSURE");
        assertThat(jdbc.sql("select content from cmp_added_information where complaint_id = ?")
                        .param(complaint.id())
                        .query(String.class)
                        .single())
                .isEqualTo("One more detail.");
    }

    @Test
    void anAnswerToADecisionNotYetSentIsRefusedWithTryAgainAndNotKept() {
        ProcessInstance instance = acknowledged();
        Complaint complaint = staff.complaintOf(instance);

        assertThatThrownBy(() -> messages.acceptDecision(complaint.reference(), "fine"))
                .isInstanceOfSatisfying(ComplaintNotOpenException.class, refused -> {
                    assertThat(refused.retryable()).isTrue();
                    assertThat(refused.retryAfterSeconds())
                            .isEqualTo(ComplaintNotOpenException.NOT_WAITING_RETRY_SECONDS);
                });
        assertThat(jdbc.sql("select count(*) from cmp_complainant_message where complaint_id = ?")
                        .param(complaint.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(staff.eventTypes(complaint)).doesNotContain("DECISION_ACCEPTED");
    }
}
