package dev.orderflow.gateway.resilience;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.orderflow.gateway.support.FakeBackend.ReceivedRequest;
import dev.orderflow.gateway.support.FakeBackend.Reply;
import dev.orderflow.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.orderflow.gateway.support.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Retries: GET and HEAD only, on 502/503/504 and broken connections, twice at most (application.yml). */
class RetryTest extends GatewayIntegrationTest {

    private static final int ATTEMPTS = 1 + 2;

    @ParameterizedTest
    @ValueSource(ints = {502, 503, 504})
    void retriesAGetThatSucceedsOnTheSecondAttempt(int firstStatus) {
        orderService.answer(failingOnce(Reply.status(firstStatus)));

        HttpResponse<String> response = gateway.get("/api/orders/1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(orderService.receivedCount()).isEqualTo(2);
        assertThat(orderService.received()).allMatch(request -> request.path().equals("/orders/1"));
    }

    @Test
    void retriesAGetWhoseConnectionBrokeBeforeTheAnswer() {
        orderService.answer(failingOnce(Reply.droppedConnection()));

        HttpResponse<String> response = gateway.get("/api/orders/1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(orderService.receivedCount()).isEqualTo(2);
    }

    @Test
    void sendsTheSameRequestIdWithEveryAttempt() {
        orderService.answer(failingOnce(Reply.status(503)));

        gateway.get("/api/orders/1", "X-Request-Id", "same-id");

        assertThat(orderService.received()).extracting(request -> request.header("X-Request-Id"))
                .containsExactly("same-id", "same-id");
    }

    @Test
    void givesUpAfterTheLastAttemptAndFallsBack() {
        orderService.answer(Reply.status(503));

        HttpResponse<String> response = gateway.get("/api/orders/1");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response, "$.reason").toString()).isEqualTo("backend-error");
        assertThat(orderService.receivedCount()).isEqualTo(ATTEMPTS);
        // The breaker wraps the retry: one client request is one call for the breaker.
        assertThat(breakers.circuitBreaker("order-service").getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void neverResendsAPost() {
        orderService.answer(failingOnce(Reply.status(503)));

        HttpResponse<String> response = gateway.send("POST", "/api/orders", "{\"item\":\"book\"}",
                "Idempotency-Key", "k-1");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(orderService.receivedCount()).isEqualTo(1);
    }

    @Test
    void neverResendsAPostWhoseConnectionBroke() {
        orderService.answer(failingOnce(Reply.droppedConnection()));

        HttpResponse<String> response = gateway.send("POST", "/api/orders", "{}");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response, "$.reason").toString()).isEqualTo("backend-unreachable");
        assertThat(orderService.receivedCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH", "DELETE"})
    void doesNotRetryOtherMethodsEither(String method) {
        orderService.answer(failingOnce(Reply.status(503)));

        gateway.send(method, "/api/orders/1", method.equals("DELETE") ? null : "{}");

        assertThat(orderService.receivedCount()).isEqualTo(1);
    }

    @Test
    void doesNotRetryAnInternalServerError() {
        orderService.answer(failingOnce(Reply.status(500)));

        HttpResponse<String> response = gateway.get("/api/orders/1");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(orderService.receivedCount()).isEqualTo(1);
    }

    /** Answers {@code first} to the first request and 200 to all later ones. */
    private static Function<ReceivedRequest, Reply> failingOnce(Reply first) {
        AtomicInteger calls = new AtomicInteger();
        return request -> calls.getAndIncrement() == 0 ? first : Reply.json(200, "{\"attempt\":" + calls + "}");
    }
}
