package org.complaints.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One application node: the executable jar in a JVM of its own, configured through the environment as the
 * "Production" section of docs/operators.md tells an operator, its log in a file for diagnosis.
 */
final class ApplicationNode {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final String name;
    private final Path jar;
    private final Path log;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private final int port = freePort();
    private final int managementPort = freePort();
    private Process process;

    ApplicationNode(String name, Path jar, Path log, Map<String, String> environment, List<String> arguments) {
        this.name = name;
        this.jar = jar;
        this.log = log;
        this.environment = environment;
        this.arguments = arguments;
    }

    String name() {
        return name;
    }

    /** The name this node gives in SMTP's HELO, so each copy in the inbox says which node sent it. */
    String heloName() {
        return name.toLowerCase(Locale.ROOT).replace(' ', '-') + ".reliability.test";
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                // two nodes, the database and the test share two cores and the CI machine's memory
                "-Xmx512m",
                "-XX:+ExitOnOutOfMemoryError",
                "-jar",
                jar.toString()));
        command.addAll(arguments);
        command.add("--spring.mail.properties.mail.smtp.localhost=" + heloName());
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("COMPLAINTS_MANAGEMENT_PORT", String.valueOf(managementPort));
        Files.writeString(
                log,
                "==== " + name + ": " + String.join(" ", command) + "\n",
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        process = builder.start();
    }

    /** Waits until the readiness probe answers UP; fails early, with the end of the log, if the JVM ended. */
    Duration awaitReady(Duration timeout) throws Exception {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        name + " ended with exit code " + process.exitValue() + " while starting:\n" + logTail());
            }
            if ("UP".equals(health("/actuator/health/readiness").path("status").asText())) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " not ready after " + timeout.toSeconds() + " s:\n" + logTail());
    }

    /** The management port's health document, or an empty object when the node does not answer. */
    JsonNode health(String path) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            return JSON.createObjectNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return JSON.createObjectNode();
        }
    }

    /** The job executor's lock owner, as ACT_RU_JOB.LOCK_OWNER_ names this node (from the health endpoint). */
    String lockOwner() {
        String owner = health("/actuator/health")
                .at("/components/jobExecutor/details/jobExecutor/lockOwner")
                .asText("");
        if (owner.isEmpty()) {
            throw new AssertionError(name + " reports no job executor lock owner: " + health("/actuator/health"));
        }
        return owner;
    }

    /** SIGKILL: no shutdown hook, no graceful shutdown, jobs stay locked in the database. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " still alive 30 s after SIGKILL");
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** For the end of the test: SIGTERM, and SIGKILL if that does not end it soon. */
    void stop() throws InterruptedException {
        if (!isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            killHard();
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public String toString() {
        return name;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
