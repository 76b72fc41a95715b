package org.complaints.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.complaints.ComplaintHandlingApplication;
import org.complaints.intake.ComplaintSubmission;
import org.complaints.intake.IntakeService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node that stops frees the jobs it had locked, so another node runs them at once instead of after the lock
 * time; a named node that was killed frees its leftover locks when it starts again. Each node is a whole
 * application context of its own, started and closed here, on one database.
 */
class NodeShutdownTest {

    private static final String DATABASE = "jdbc:h2:mem:node-shutdown;DB_CLOSE_DELAY=-1";

    private static ConfigurableApplicationContext node(String id) {
        return new SpringApplicationBuilder(ComplaintHandlingApplication.class)
                .profiles("test")
                // as arguments: they must win over application-test.yaml
                .run("--spring.datasource.url=" + DATABASE, "--server.port=0", "--complaints.node.id=" + id);
    }

    private static void lock(List<String> jobIds, String owner) throws SQLException {
        try (Connection db = DriverManager.getConnection(DATABASE, "sa", "");
                PreparedStatement update = db.prepareStatement(
                        "update ACT_RU_JOB set LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? where ID_ = ?")) {
            for (String id : jobIds) {
                update.setString(1, owner);
                update.setTimestamp(2, Timestamp.from(Instant.now().plus(1, ChronoUnit.HOURS)));
                update.setString(3, id);
                update.executeUpdate();
            }
        }
    }

    private static List<String> lockedBy(String owner) throws SQLException {
        try (Connection db = DriverManager.getConnection(DATABASE, "sa", "");
                PreparedStatement query = db.prepareStatement(
                        "select ID_ from ACT_RU_JOB where LOCK_OWNER_ = ? and LOCK_EXP_TIME_ is not null")) {
            query.setString(1, owner);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    @Test
    void aStoppingNodeFreesItsJobsAndANamedNodeFreesWhatItsKilledRunLeftLocked() throws Exception {
        List<String> jobs;
        ConfigurableApplicationContext nodeA = node("node-a");
        try {
            ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl)
                    nodeA.getBean(ProcessEngine.class).getProcessEngineConfiguration();
            assertThat(engine.getJobExecutor().getLockOwner()).isEqualTo("node-a");
            for (int i = 1; i <= 3; i++) {
                nodeA.getBean(IntakeService.class)
                        .file(new ComplaintSubmission(
                                "web",
                                null,
                                "Node Test " + i,
                                "node.test" + i + "@example.net",
                                null,
                                "en",
                                "Night train",
                                "The heating in coach " + i + " did not work all night.",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                false));
            }
            jobs = nodeA
                    .getBean(ManagementService.class)
                    .createJobQuery()
                    .processDefinitionKey(IntakeService.PROCESS_KEY)
                    .list()
                    .stream()
                    .map(Job::getId)
                    .toList();
            assertThat(jobs).hasSizeGreaterThanOrEqualTo(3);
            // node A has taken every job but one, which node B is running
            lock(jobs.subList(1, jobs.size()), "node-a");
            lock(jobs.subList(0, 1), "node-b");
        } finally {
            nodeA.close();
        }

        assertThat(lockedBy("node-a"))
                .as("node A's jobs are free for the other nodes")
                .isEmpty();
        assertThat(lockedBy("node-b"))
                .as("another node's jobs are not its to free")
                .containsExactly(jobs.get(0));

        // node A is killed holding a lock; when it comes back under the same name, it frees it before taking jobs
        lock(jobs.subList(1, 2), "node-a");
        ConfigurableApplicationContext restarted = node("node-a");
        try {
            assertThat(lockedBy("node-a")).isEmpty();
            assertThat(lockedBy("node-b")).containsExactly(jobs.get(0));
        } finally {
            restarted.close();
        }
    }
}
