package dev.orderflow.chaos.experiments;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Drives Chaos Monkey for Spring Boot at {@code /actuator/chaosmonkey} on a service's management port, which serves
 * the actuator without a token and is reached only from the machine (the service must run with the
 * {@code chaos-monkey} profile; its API port serves no actuator). Assaults are limited to the Kafka listener of platform/messaging with
 * {@code watchedCustomServices}, so the REST controllers and repositories the same watchers cover stay untouched.
 */
final class ChaosMonkeyClient {

    static final String KAFKA_LISTENER = "dev.orderflow.messaging.IncomingEvents";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI endpoint;

    /** @param management the service's management port, {@link Lab#management} */
    ChaosMonkeyClient(URI management) {
        this.endpoint = management.resolve("/actuator/chaosmonkey");
    }

    boolean available() {
        return send("GET", "", null) == 200;
    }

    /** Every call of the listener waits between {@code from} and {@code to} before it runs. */
    void latencyOnListener(Duration from, Duration to) {
        assaults(Map.of("level", 1, "deterministic", true, "latencyActive", true, "exceptionsActive", false,
                "latencyRangeStart", from.toMillis(), "latencyRangeEnd", to.toMillis(),
                "watchedCustomServices", List.of(KAFKA_LISTENER)));
        enable();
    }

    /** Every call of the listener throws a RuntimeException. */
    void exceptionsInListener() {
        assaults(Map.of("level", 1, "deterministic", true, "latencyActive", false, "exceptionsActive", true,
                "watchedCustomServices", List.of(KAFKA_LISTENER)));
        enable();
    }

    void disable() {
        require(send("POST", "/disable", null), "disable");
        assaults(Map.of("latencyActive", false, "exceptionsActive", false));
    }

    private void enable() {
        require(send("POST", "/enable", null), "enable");
    }

    private void assaults(Map<String, Object> settings) {
        require(send("POST", "/assaults", JSON.writeValueAsString(settings)), "assaults " + settings);
    }

    private void require(int status, String what) {
        if (status != 200) {
            throw new IllegalStateException("Chaos Monkey at " + endpoint + " refused " + what + " (HTTP " + status
                    + "): does the service run with the chaos-monkey profile?");
        }
    }

    private int send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + path)).timeout(Duration.ofSeconds(10));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
