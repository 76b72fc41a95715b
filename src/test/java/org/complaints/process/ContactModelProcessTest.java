package org.complaints.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.complaints.intake.Submissions.aPhoneComplaint;
import static org.complaints.process.ProcessTestSupport.assessInScope;
import static org.complaints.process.ProcessTestSupport.findings;
import static org.complaints.process.ProcessTestSupport.proposal;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.complaints.engine.InvalidInputException;
import org.complaints.intake.ComplainantMessages;
import org.complaints.intake.ComplaintNotOpenException;
import org.complaints.register.Addressee;
import org.complaints.register.Complaint;
import org.complaints.register.ComplaintEvent;
import org.complaints.register.ComplaintStage;
import org.complaints.register.Representative;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Complainants without e-mail and complaints made on someone's behalf (ISO 10002 4.5) through
 * processes/complaint-handling.bpmn: a letter from a complainant with only a postal address, taken by intake,
 * travels to a decision the complainant accepts by phone, which staff record on their behalf; a representative's
 * complaint is rejected by letter and goes to internal review. The process never stops for a missing e-mail address.
 */
@ProcessTest
class ContactModelProcessTest extends ProcessTestBase {

    private static final String ADDRESS = "Mevr. A. Jansen\nDorpsstraat 12\n1234 AB Ergens";

    @Autowired
    ComplainantMessages messages;

    private ProcessInstance awaitingReaction(Map<String, Object> startForm) {
        ProcessInstance instance = staff.startByStaff(startForm);
        staff.runDueJobs();
        staff.complete("handler", instance, "Task_ConfirmAssessment", assessInScope());
        staff.complete("handler", instance, "Task_InvestigateComplaint", findings());
        staff.complete("handler", instance, "Task_ProposeResolution", proposal("not-upheld", null, null));
        staff.runDueJobs();
        assertThat(instance).isWaitingAt("Gateway_AwaitReaction");
        return instance;
    }

    @Test
    void aLetterWithoutEmailIsDecidedAndTheAnswerTakenByPhoneClosesIt() {
        ProcessInstance instance = awaitingReaction(aPhoneComplaint()
                .withChannel("letter")
                .withoutEmail()
                .withPhone(null)
                .withLanguage("nl")
                .withPostalAddress("Mevr. A. Jansen\r\nDorpsstraat 12\r\n1234 AB Ergens")
                .withAccessibilityNeeds("large-print", "Reads only print of 16 pt or more")
                .startForm());
        Complaint complaint = staff.complaintOf(instance);

        assertThat(complaint.channel()).isEqualTo("letter");
        assertThat(complaint.complainantEmail()).isNull();
        assertThat(complaint.postalAddress()).isEqualTo(ADDRESS);
        assertThat(complaint.preferredContact()).isEqualTo("post");
        assertThat(complaint.accessibilityNeeds()).isEqualTo("large-print");
        assertThat(complaint.addressee())
                .isEqualTo(new Addressee("Jan de Vries", null, null, ADDRESS, "post", "nl", false, true));
        // personal data stays in the register, not in the process
        assertThat(runtime.getVariables(instance.getId()))
                .doesNotContainKeys("postalAddress", "accessibilityNote", "complainantEmail");
        // no e-mail address, no e-mail: the steps that write to the complainant went on without one
        assertThat(staff.subjects()).noneMatch(subject -> subject.contains(complaint.reference()));

        assertThatThrownBy(() -> messages.answerDecisionOnBehalf(complaint.reference(), true, "fax", null, "handler"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("receivedBy");
        assertThat(instance).isWaitingAt("Gateway_AwaitReaction");

        messages.answerDecisionOnBehalf(
                complaint.reference(), true, "phone", "Called back: she accepts the decision.", "handler");
        staff.runDueJobs();

        assertThat(instance).isEnded().hasPassed("Event_DecisionAccepted", "End_ComplaintClosed");
        assertThat(staff.reload(complaint).closureReason()).isEqualTo("ACCEPTED");
        ComplaintEvent answer = events.list(complaint.id()).stream()
                .filter(e -> e.type().equals("DECISION_ACCEPTED"))
                .findFirst()
                .orElseThrow();
        assertThat(answer.actor()).isEqualTo("handler");
        assertThat(answer.summary()).contains("received by phone").contains("recorded by handler");
        assertThat(answer.detail()).isEqualTo("Called back: she accepts the decision.");
        // answered once: a second answer on the complainant's behalf is refused as already answered
        assertThatThrownBy(
                        () -> messages.answerDecisionOnBehalf(complaint.reference(), false, "letter", null, "handler"))
                .isInstanceOf(ComplaintNotOpenException.class);
    }

    @Test
    void aRepresentativesComplaintRejectedByLetterGoesToInternalReview() {
        ProcessInstance instance = awaitingReaction(aPhoneComplaint()
                .withChannel("in-person")
                .withoutEmail()
                .withPhone("+31 20 555 0101")
                .withRepresentative("Anna de Vries", null, null, "Prinsengracht 2\n1015 DV Amsterdam", "daughter", true)
                .startForm());
        Complaint complaint = staff.complaintOf(instance);

        assertThat(complaint.representative())
                .isEqualTo(new Representative(
                        "Anna de Vries", null, null, "Prinsengracht 2\n1015 DV Amsterdam", "daughter", true));
        assertThat(complaint.preferredContact()).isEqualTo("phone");
        Addressee addressee = complaint.addressee();
        assertThat(addressee.name()).isEqualTo("Anna de Vries");
        assertThat(addressee.preferredContact()).isEqualTo("post");
        assertThat(addressee.representative()).isTrue();
        assertThat(runtime.getVariables(instance.getId()))
                .doesNotContainKeys("representativeName", "representativeConsent");

        messages.answerDecisionOnBehalf(complaint.reference(), false, "letter", "Letter of 3 March", "handler");

        assertThat(instance).isWaitingAt("Task_ReviewComplaint");
        assertThat(staff.reload(complaint).stage()).isEqualTo(ComplaintStage.INTERNAL_REVIEW);
        assertThat(runtime.getVariable(instance.getId(), "decisionAnswerChannel"))
                .isEqualTo("letter");
        assertThat(events.list(complaint.id()).stream()
                        .filter(e -> e.type().equals("DECISION_REJECTED"))
                        .map(ComplaintEvent::summary))
                .singleElement()
                .asString()
                .contains("received by letter");
        // the process no longer waits for an answer: a second one is refused (409 in the staff API)
        assertThatThrownBy(() -> messages.answerDecisionOnBehalf(complaint.reference(), true, "phone", null, "handler"))
                .isInstanceOf(ComplaintNotOpenException.class);
        runtime.deleteProcessInstance(instance.getId(), "test done");
    }

    @Test
    void aStartFormWithoutAnyWayToReachTheComplainantIsRefused() {
        long before = runtime.createProcessInstanceQuery().count();
        assertThatThrownBy(() -> staff.startByStaff(aPhoneComplaint()
                        .withChannel("letter")
                        .withoutEmail()
                        .withPhone(null)
                        .startForm()))
                .hasMessageContaining("at least one way to reach the complainant");
        assertThatThrownBy(() -> staff.startByStaff(aPhoneComplaint()
                        .withRepresentative("Anna de Vries", "anna@example.net", null, null, "daughter", false)
                        .startForm()))
                .hasMessageContaining("consents to being represented");
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
    }
}
