package org.complaints.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Complainants filing through the public JSON API ({@code POST /api/complaints}) as a careful client does: every
 * complaint has its own {@code Idempotency-Key}, and a request that got no answer, or a 5xx, is sent again with
 * the same key, to the next node in the list (a load balancer's failover) or to the same one.
 */
final class Complainants {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    /**
     * A complaint answered 201.
     *
     * @param node     the node that answered 201
     * @param attempts requests sent for it (1 when nothing went wrong)
     * @param replayed the node answered from an earlier attempt that had committed ({@code Idempotent-Replayed})
     * @param answeredAt {@link System#nanoTime()} of the answer
     */
    record Filed(String key, String reference, ApplicationNode node, int attempts, boolean replayed, long answeredAt) {}

    private final AtomicInteger failedAttempts = new AtomicInteger();

    /** Requests that got no answer or a 5xx (each was sent again). */
    int failedAttempts() {
        return failedAttempts.get();
    }

    /**
     * Files complaint {@code key}, trying {@code nodes} in turn until one answers 201, for at most {@code patience}
     * and while {@code keepTrying} holds; empty when it gave up.
     */
    Optional<Filed> file(String key, List<ApplicationNode> nodes, Duration patience, BooleanSupplier keepTrying)
            throws InterruptedException {
        byte[] body = body(key);
        long deadline = System.nanoTime() + patience.toNanos();
        for (int attempt = 0; System.nanoTime() < deadline && keepTrying.getAsBoolean(); attempt++) {
            ApplicationNode node = nodes.get(attempt % nodes.size());
            try {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(node.uri("/api/complaints"))
                                .timeout(Duration.ofSeconds(90))
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json")
                                .header("Idempotency-Key", key)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    JsonNode filed = JSON.readTree(response.body());
                    return Optional.of(new Filed(
                            key,
                            filed.path("reference").asText(),
                            node,
                            attempt + 1,
                            response.headers()
                                    .firstValue("Idempotent-Replayed")
                                    .map(Boolean::parseBoolean)
                                    .orElse(false),
                            System.nanoTime()));
                }
                if (response.statusCode() < 500) {
                    throw new AssertionError("complaint " + key + " refused by " + node + ": " + response.statusCode()
                            + " " + response.body());
                }
            } catch (IOException noAnswer) {
                // the node died, or the connection broke: the same key again, so the complaint is filed once
            }
            failedAttempts.incrementAndGet();
            Thread.sleep(200);
        }
        return Optional.empty();
    }

    private static byte[] body(String key) {
        Map<String, Object> complaint = new LinkedHashMap<>();
        complaint.put("name", "Complainant " + key);
        complaint.put("email", key.toLowerCase() + "@complainants.example.org");
        complaint.put("language", "en");
        complaint.put("productOrService", "Home delivery");
        complaint.put(
                "description",
                "Parcel " + key + " arrived broken and two calls to customer service were not "
                        + "returned. I would like to know what happened and what you will do about it.");
        complaint.put("remedySought", "A replacement");
        complaint.put("consent", true);
        try {
            return JSON.writeValueAsBytes(complaint);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
