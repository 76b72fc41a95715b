package org.complaints.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.complaints.PostgresApplicationTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * Two members of staff complete the same task at the same moment through the engine's REST API (as Tasklist
 * does): one succeeds, the other is answered 409 with a readable message, and what completing the task does
 * (the register's assessment record and event, the next task) happens once.
 */
class ConcurrentTaskCompletionPostgresIT extends PostgresApplicationTestSupport {

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private Map<String, Object> assessment() {
        return Map.of("variables", inScopeAssessment());
    }

    /** Both requests leave together; returns the two answers. */
    private List<Reply> together(String firstUser, String secondUser, String path, Object body) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Reply>> answers = List.of(firstUser, secondUser).stream()
                .map(user -> CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                start.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return post(user, path, body);
                        },
                        threads))
                .toList();
        start.countDown();
        return answers.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void oneOfTwoSimultaneousCompletionsWinsAndTheOtherIsAConflict() throws Exception {
        // a few rounds: the loser meets either the winner's uncommitted change or its committed result
        for (int round = 1; round <= 4; round++) {
            JsonNode filed = fileComplaint(
                    "Concurrent " + round,
                    "concurrent" + round + "@example.net",
                    null,
                    "Two handlers open my complaint at the same moment, round " + round + ".");
            String reference = filed.path("reference").asText();
            String instance = processInstanceOf(reference);
            String task = awaitTask(reference, "Task_ConfirmAssessment", instance);
            String path = round % 2 == 0 ? "/task/" + task + "/submit-form" : "/task/" + task + "/complete";

            List<Reply> answers = together("handler", "handler2", path, assessment());

            assertThat(answers).extracting(Reply::status).as(answers.toString()).containsExactlyInAnyOrder(204, 409);
            Reply conflict =
                    answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
            assertThat(conflict.json().path("message").asText())
                    .as(conflict.body())
                    .containsAnyOf("someone else completed it", "Someone else changed this");
            // the completion's effects, once
            awaitTask(reference, "Task_InvestigateComplaint", instance);
            assertThat(eventCount(reference, "ASSESSED")).isOne();
            assertThat(get("demo", "/task?processInstanceId=" + instance).json())
                    .extracting(t -> t.path("taskDefinitionKey").asText())
                    .containsExactly("Task_InvestigateComplaint");
            assertThat(get(
                                    "demo",
                                    "/history/task?processInstanceId=" + instance
                                            + "&taskDefinitionKey=Task_ConfirmAssessment")
                            .json())
                    .hasSize(1);
        }
    }

    @Test
    void aTaskCompletedEarlierIsAConflictNotAServerError() throws Exception {
        JsonNode filed = fileComplaint(
                "Late Second",
                "late.second@example.net",
                null,
                "The second handler submits after the first has finished.");
        String reference = filed.path("reference").asText();
        String instance = processInstanceOf(reference);
        String task = awaitTask(reference, "Task_ConfirmAssessment", instance);
        assertThat(post("handler", "/task/" + task + "/complete", assessment()).status())
                .isEqualTo(204);

        Reply late = post("handler2", "/task/" + task + "/submit-form", assessment());

        assertThat(late.status()).as(late.body()).isEqualTo(409);
        assertThat(late.json().path("message").asText()).contains("no longer open");
        assertThat(eventCount(reference, "ASSESSED")).isOne();
        assertThat(appCall("handler2", HttpMethod.GET, "/engine-rest/task/" + task, null)
                        .status())
                .isEqualTo(404);
    }
}
