package dev.orderflow.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The requests the benchmark sends, against one base URL: {@code http://gateway/api} or an order-service
 * directly ({@code http://order-service}), each with the benchmark's bearer token. Every order is the token's
 * subject's (a customer of its own; no body names one), so the backlog is one query: that customer's PENDING orders.
 * Measurements run one after the other and each waits for its own backlog to drain before the next begins, so
 * what is PENDING is the current measurement's.
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
    private final Duration answerDeadline;
    private final BearerToken token;

    /** @param ordersUrl e.g. {@code http://localhost:8080/api/orders} or {@code http://localhost:8081/orders} */
    Shop(String ordersUrl, BearerToken token) {
        this(ordersUrl, Duration.ofSeconds(15), token);
    }

    /** @param answerDeadline for each request's whole answer, its body included */
    Shop(String ordersUrl, Duration answerDeadline, BearerToken token) {
        this.ordersUrl = ordersUrl;
        this.answerDeadline = answerDeadline;
        this.token = token;
    }

    /** Places an order; its id, or empty when the answer was not 201. */
    Optional<UUID> place(long sequence) throws IOException, InterruptedException {
        String country = serviceable(sequence) ? "KR" : "BR";
        String body = """
                {"items":[{"productId":"p-%d","quantity":1,"unitPrice":12.50}],
                 "deliveryAddress":{"street":"1 Main St","city":"City","postalCode":"04524","country":"%s"}}"""
                .formatted(sequence % 100, country);
        HttpResponse<String> response;
        try {
            response = exchange(HttpRequest.newBuilder(URI.create(ordersUrl)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
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

    /** The benchmark's orders still PENDING: the saga backlog (every customer's if the token names none). */
    long pending() throws IOException, InterruptedException {
        String customer = token.subject().map(subject -> "customerId=" + URLEncoder.encode(subject, UTF_8) + "&")
                .orElse("");
        HttpResponse<String> response = get(ordersUrl + "?" + customer + "status=PENDING&size=1");
        if (response.statusCode() != 200) {
            throw new IOException("GET pending orders answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("totalItems").asLong();
    }

    /** Waits until no order of the benchmark is PENDING; the time it took, or empty after the timeout. */
    Optional<Duration> awaitSettled(Duration timeout) throws IOException, InterruptedException {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (pending() == 0) {
                    return Optional.of(Duration.between(start, Instant.now()));
                }
            } catch (IOException unanswered) {
                // e.g. 503 while the gateway's breaker is open after an overload: ask again
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    /**
     * Places orders one at a time until five in a row are accepted, for at most the timeout; whether they were.
     * After an overload the gateway's breaker may be open (503 at once) or half-open (a few probe calls let
     * through): the next measurement would fail for the last one's sake. One request at a time, the probes
     * get through and close it.
     */
    boolean awaitAccepting(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        int inARow = 0;
        for (long sequence = 0; inARow < 5 && Instant.now().isBefore(deadline); sequence++) {
            try {
                inARow = place(sequence).isPresent() ? inARow + 1 : 0;
            } catch (IOException unanswered) {
                inARow = 0;
            }
            if (inARow == 0) {
                Thread.sleep(200);
            }
        }
        return inARow >= 5;
    }

    private static void failed(String reason) {
        FAILURES.computeIfAbsent(reason, r -> new java.util.concurrent.atomic.LongAdder()).increment();
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return exchange(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /**
     * One request and its whole answer within the deadline. The request's own timeout ends when the response's
     * headers arrive (JDK-8208693): an answer whose body then stalls would hold its thread, and with it the end of
     * the load, for ever (run of 18:13 on 2026-12-05: the gateway broke off three answers under overload).
     */
    private HttpResponse<String> exchange(HttpRequest.Builder request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<String>> answer = HTTP.sendAsync(request.timeout(answerDeadline)
                .header("Authorization", "Bearer " + token.value()).build(), HttpResponse.BodyHandlers.ofString());
        try {
            return answer.get(answerDeadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new HttpTimeoutException("no whole answer within " + answerDeadline);
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }
}
