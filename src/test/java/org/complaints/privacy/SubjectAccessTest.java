package org.complaints.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.complaints.SharedApplication;
import org.complaints.intake.ComplaintSubmission;
import org.complaints.intake.IntakeService;
import org.complaints.intake.Submissions;
import org.complaints.register.Complaint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The subject-access export on H2, the default database (which reports column names in upper case): the keys
 * listed in {@code subject-access-shape.txt}, as on PostgreSQL ({@code DataProtectionPostgresIT}), the engine
 * history included and the status page's tracking token left out; letters, calls and a representative's own data
 * too, found by phone; an e-mail still queued for a representative holds their erasure.
 */
@SharedApplication
class SubjectAccessTest {

    @Autowired
    IntakeService intake;

    @Autowired
    SubjectAccess subjects;

    @Autowired
    ManagementService management;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Anonymiser anonymiser;

    @Test
    void theExportHasTheSameKeysAsOnPostgresqlWithTheEngineHistoryAndWithoutTheToken() {
        String email = "h2." + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
        Complaint complaint = intake.file(new ComplaintSubmission(
                "web",
                null,
                "Hanna Twee",
                email,
                null,
                "en",
                "Kettle K2",
                "The kettle switched itself off before the water boiled, every time.",
                null,
                "A new kettle",
                null,
                null,
                null,
                null,
                null));
        runDueJobs();
        String token = jdbc.sql("select tracking_token from cmp_complaint where id = ?")
                .param(complaint.id())
                .query(String.class)
                .single();
        assertThat(token).isNotBlank();

        JsonNode export = json.valueToTree(subjects.export(email));

        SubjectAccessShape.check(export);
        // not even in the acknowledgement that carried the status page's link
        assertThat(export.toString()).doesNotContain(token).contains("[status page token removed]");
        JsonNode filed = export.path("complaints").get(0);
        assertThat(filed.path("reference").asText()).isEqualTo(complaint.reference());
        assertThat(filed.path("engineHistory").path("activities").findValuesAsText("activityId"))
                .contains("Task_ConfirmAssessment");
        // times as instants in UTC, whichever type the driver returns
        assertThat(filed.path("receivedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z");
    }

    @Test
    void lettersCallsAndARepresentativesOwnDataHaveTheListedKeysOnH2Too() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String phone = "+31 6 " + (10_000_000 + Math.abs(tag.hashCode() % 89_999_999));
        Complaint byPost = intake.file(Submissions.aWebComplaint()
                .withoutEmail()
                .withName("Hanna Brief" + tag)
                .withPhone(phone)
                .withPostalAddress("Briefweg " + tag + "\n1234 AB Ergens")
                .withPreferredContact("post")
                .build());
        Complaint byPhone = intake.file(Submissions.aWebComplaint()
                .withoutEmail()
                .withName("Hanna Brief" + tag)
                .withPhone(phone.replace(" ", ""))
                .withPreferredContact("phone")
                .build());
        String representativePhone = phone.replace("+31 6", "+31 20");
        Complaint represented = intake.file(Submissions.aWebComplaint()
                .withName("Henk Cliënt" + tag)
                .withRepresentative("Rita Vertegenwoordiger" + tag, null, representativePhone, null, "daughter", true)
                .build());
        runDueJobs();

        JsonNode export = json.valueToTree(subjects.export(subjects.find(
                SubjectIdentifier.of(null, phone, (String) null, "hanna  brief" + tag.toUpperCase(), null))));

        SubjectAccessShape.check(export);
        assertThat(export.path("complaints").findValuesAsText("reference"))
                .containsExactly(byPost.reference(), byPhone.reference());
        assertThat(export.at("/complaints/0/letters/0/kind").asText()).isEqualTo("acknowledgement");
        assertThat(export.at("/complaints/1/calls/0/kind").asText()).isEqualTo("acknowledgement");
        assertThat(export.at("/identifiedBy/kind").asText()).isEqualTo("phone");

        JsonNode representative = json.valueToTree(subjects.export(
                subjects.find(SubjectIdentifier.of(null, representativePhone, (String) null, null, null))));
        SubjectAccessShape.checkListedKeys(representative);
        assertThat(representative.path("complaints")).isEmpty();
        assertThat(representative.at("/asRepresentative/0/reference").asText()).isEqualTo(represented.reference());
        assertThat(representative.toString()).doesNotContain("Henk Cliënt" + tag);
    }

    @Test
    void anEmailStillQueuedForARepresentativeHoldsTheirErasureUntilItIsSent() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String representativeEmail = "rita." + tag + "@example.net";
        Complaint represented = intake.file(Submissions.aWebComplaint()
                .withName("Henk Wacht" + tag)
                .withRepresentative("Rita Wacht" + tag, representativeEmail, null, null, "daughter", true)
                .build());
        runDueJobs();
        // the acknowledgement goes to the representative and waits in the outbox (tests send it themselves)
        assertThat(jdbc.sql("select count(*) from cmp_mail_outbox where complaint_id = ? and status = 'PENDING'"
                                + " and lower(recipients) like ?")
                        .params(represented.id(), "%" + representativeEmail + "%")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        assertThat(anonymiser.waitingForRepresentative(List.of(represented.id())))
                .containsExactly(represented.reference());

        jdbc.sql("update cmp_mail_outbox set status = 'SENT' where complaint_id = ?")
                .param(represented.id())
                .update();
        assertThat(anonymiser.waitingForRepresentative(List.of(represented.id())))
                .isEmpty();
    }

    private void runDueJobs() {
        for (int round = 0; round < 50; round++) {
            List<Job> due = management.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep becoming due");
    }
}
