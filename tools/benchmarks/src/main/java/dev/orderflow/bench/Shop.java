package dev.orderflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The requests the benchmark sends, against one base URL: {@code http://gateway/api} or an order-service
 * directly ({@code http://order-service}). Orders of one measurement share a customer id, so its backlog
 * can be counted with one query.
 */
final class Shop {

    /** About 80% of orders go to a served country (confirmed), 20% to one outside the area (compensated). */
    static boolean serviceable(long sequence) {
        return sequence % 5 != 4;
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Why requests failed, over the whole run: status codes and exception types, with their counts. */
    static final java.util.Map<String, java.util.concurrent.atomic.LongAdder> FAILURES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final String ordersUrl;

    /** @param ordersUrl e.g. {@code http://localhost:8080/api/orders} or {@code http://localhost:8081/orders} */
    Shop(String ordersUrl) {
        this.ordersUrl = ordersUrl;
    }

    /** Places an order; its id, or empty when the answer was not 201. */
    Optional<UUID> place(String customerId, long sequence) throws IOException, InterruptedException {
        String country = serviceable(sequence) ? "KR" : "BR";
        String body = """
                {"customerId":"%s","items":[{"productId":"p-%d","quantity":1,"unitPrice":12.50}],
                 "deliveryAddress":{"street":"1 Main St","city":"City","postalCode":"04524","country":"%s"}}"""
                .formatted(customerId, sequence % 100, country);
        HttpResponse<String> response;
        try {
            response = HTTP.send(HttpRequest.newBuilder(URI.create(ordersUrl))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            failed("POST " + e.getClass().getSimpleName());
            throw e;
        }
        if (response.statusCode() != 201) {
            failed("POST " + response.statusCode());
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(JSON.readTree(response.body()).get("id").asString()));
    }

    boolean read(UUID id) throws IOException, InterruptedException {
        return get(ordersUrl + "/" + id).statusCode() == 200;
    }

    JsonNode order(UUID id) throws IOException, InterruptedException {
        HttpResponse<String> response = get(ordersUrl + "/" + id);
        if (response.statusCode() != 200) {
            throw new IOException("GET order " + id + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    /** Orders of this customer still PENDING: the saga backlog. */
    long pending(String customerId) throws IOException, InterruptedException {
        HttpResponse<String> response = get(ordersUrl + "?customerId=" + customerId + "&status=PENDING&size=1");
        if (response.statusCode() != 200) {
            throw new IOException("GET pending orders answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("totalItems").asLong();
    }

    /** Waits until no order of the customer is PENDING; the time it took, or empty after the timeout. */
    Optional<Duration> awaitSettled(String customerId, Duration timeout) throws IOException, InterruptedException {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (pending(customerId) == 0) {
                    return Optional.of(Duration.between(start, Instant.now()));
                }
            } catch (IOException unanswered) {
                // e.g. 503 while the gateway's breaker is open after an overload: ask again
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    private static void failed(String reason) {
        FAILURES.computeIfAbsent(reason, r -> new java.util.concurrent.atomic.LongAdder()).increment();
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
