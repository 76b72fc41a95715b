package org.complaints.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.complaints.SharedApplication;
import org.complaints.intake.ComplaintSubmission;
import org.complaints.intake.IntakeService;
import org.complaints.register.Complaint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The engine's history clean-up keeps the history of a complaint under legal hold, whether the hold came before
 * or after the complaint ended, and removes it once the hold is released, as it removes an unheld one's.
 */
@SharedApplication
class LegalHoldHistoryTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    IntakeService intake;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    private final Set<String> filed = new HashSet<>();

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void theHistoryCleanUpKeepsAHeldComplaintsEngineHistory() {
        String heldWhileRunning = file();
        String heldAfterItEnded = file();
        String heldAndReleased = file();
        String neverHeld = file();
        runDueJobs();

        hold(heldWhileRunning, true);
        List.of(heldWhileRunning, heldAfterItEnded, heldAndReleased, neverHeld).forEach(this::end);
        hold(heldAfterItEnded, true);
        hold(heldAndReleased, true);
        runDueJobs();
        assertThat(removalTime(heldAndReleased)).isNull();
        hold(heldAndReleased, false);
        runDueJobs();

        assertThat(removalTime(heldWhileRunning)).as("held while running").isNull();
        assertThat(removalTime(heldAfterItEnded)).as("held after it ended").isNull();
        assertThat(removalTime(neverHeld)).isNotNull();
        assertThat(removalTime(heldAndReleased))
                .as("released: the diagram's time to live again")
                .isNotNull()
                .isCloseTo(removalTime(neverHeld), Duration.ofMinutes(5).toMillis());

        // the clean-up after every time to live has passed
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(1825 + 2))));
        for (int run = 0; run < 10 && historyOf(neverHeld) + historyOf(heldAndReleased) > 0; run++) {
            Job cleanUp = history.cleanUpHistoryAsync(true);
            management.executeJob(cleanUp.getId());
        }

        assertThat(historyOf(neverHeld))
                .as("history of the complaint never held")
                .isZero();
        assertThat(historyOf(heldAndReleased))
                .as("history of the complaint whose hold was released")
                .isZero();
        assertThat(historyOf(heldWhileRunning))
                .as("history of the complaint held while running")
                .isPositive();
        assertThat(historyOf(heldAfterItEnded))
                .as("history of the complaint held after it ended")
                .isPositive();
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(heldWhileRunning)
                        .count())
                .isOne();
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(heldAfterItEnded)
                        .count())
                .isPositive();
    }

    /** Files a complaint; its process instance id. */
    private String file() {
        Complaint complaint = intake.file(new ComplaintSubmission(
                "web",
                null,
                "Lena Hold",
                "hold." + UUID.randomUUID().toString().substring(0, 8) + "@example.net",
                null,
                "en",
                "Toaster T1",
                "The toaster burnt every slice of bread, whatever the setting.",
                null,
                "A refund",
                null,
                null,
                null,
                null,
                null));
        String instance = jdbc.sql("select process_instance_id from cmp_complaint where id = ?")
                .param(complaint.id())
                .query(String.class)
                .single();
        filed.add(instance);
        return instance;
    }

    /** The complaint's hold set or released as a complaint manager or administrator does, over the staff API. */
    private void hold(String instance, boolean held) {
        String reference = jdbc.sql("select reference from cmp_complaint where process_instance_id = ?")
                .param(instance)
                .query(String.class)
                .single();
        String body = held ? "{\"held\": true, \"reason\": \"Court case 2026/77\"}" : "{\"held\": false}";
        int status;
        try {
            status = mvc.perform(put("/api/staff/complaints/" + reference + "/legal-hold")
                            .header(
                                    HttpHeaders.AUTHORIZATION,
                                    "Basic "
                                            + HttpHeaders.encodeBasicAuth(
                                                    "testadmin", "test-admin-password", StandardCharsets.UTF_8))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andReturn()
                    .getResponse()
                    .getStatus();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(status).isEqualTo(200);
    }

    private void end(String instance) {
        runtime.deleteProcessInstance(instance, "ended for the test", true);
    }

    private Date removalTime(String instance) {
        HistoricProcessInstance process = history.createHistoricProcessInstanceQuery()
                .processInstanceId(instance)
                .singleResult();
        return process.getRemovalTime();
    }

    /** The instance's rows of engine history: the instance, its activities, variables and decisions. */
    private long historyOf(String instance) {
        return history.createHistoricProcessInstanceQuery()
                        .processInstanceId(instance)
                        .count()
                + history.createHistoricActivityInstanceQuery()
                        .processInstanceId(instance)
                        .count()
                + history.createHistoricVariableInstanceQuery()
                        .processInstanceId(instance)
                        .count()
                + history.createHistoricDecisionInstanceQuery()
                        .processInstanceId(instance)
                        .count();
    }

    /**
     * Runs the due jobs of this test's complaints and those of no process instance (the batches that set removal
     * times): other classes on the shared application leave jobs of their own, which are not this test's to run.
     */
    private void runDueJobs() {
        for (int round = 0; round < 50; round++) {
            List<Job> due = management.createJobQuery().executable().list().stream()
                    .filter(job -> job.getProcessInstanceId() == null || filed.contains(job.getProcessInstanceId()))
                    .toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep becoming due");
    }
}
