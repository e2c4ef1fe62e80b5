package dev.orderflow.gateway.resilience;

import java.net.http.HttpResponse;
import java.time.Duration;

import dev.orderflow.gateway.support.FakeBackend.Reply;
import dev.orderflow.gateway.support.GatewayIntegrationTest;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.core.env.Environment;

import static dev.orderflow.gateway.support.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test settings: response timeout 800 ms per attempt, time limiter 1500 ms over all attempts. Both end in the
 * breaker's fallback (503 problem), and both count as a failure for the breaker.
 */
class TimeoutTest extends GatewayIntegrationTest {

    @Autowired
    TimeLimiterRegistry timeLimiters;

    @Autowired
    HttpClientProperties httpClient;

    @Test
    void cutsASlowAnswerAtTheResponseTimeout() {
        orderService.answer(Reply.json(200, "{}").after(Duration.ofSeconds(3)));

        long started = System.nanoTime();
        HttpResponse<String> response = gateway.get("/api/orders/1");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response, "$.reason").toString()).isEqualTo("response-timeout");
        assertThat(elapsed).isBetween(Duration.ofMillis(800), Duration.ofMillis(1500));
        // A timed-out GET is not retried: the backend is slow, not gone, and more load would not help it.
        assertThat(orderService.receivedCount()).isEqualTo(1);
        assertThat(breakers.circuitBreaker("order-service").getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void cutsASlowPostAtTheResponseTimeoutWithoutResendingIt() {
        orderService.answer(Reply.json(201, "{}").after(Duration.ofSeconds(3)));

        HttpResponse<String> response = gateway.send("POST", "/api/orders", "{}");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response, "$.reason").toString()).isEqualTo("response-timeout");
        assertThat(orderService.receivedCount()).isEqualTo(1);
    }

    @Test
    void timeLimiterCoversAllAttemptsOfARetriedGet() {
        // Each attempt stays under the response timeout, but three of them do not fit in the time limit.
        orderService.answer(Reply.status(503).after(Duration.ofMillis(600)));

        long started = System.nanoTime();
        HttpResponse<String> response = gateway.get("/api/orders/1");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response, "$.reason").toString()).isEqualTo("time-limit");
        assertThat(elapsed).isBetween(Duration.ofMillis(1500), Duration.ofMillis(2500));
        assertThat(orderService.receivedCount()).isBetween(2, 3);
    }

    @Test
    void closesIdleClientConnectionsOnlyAfterCommonLoadBalancersDo(@Autowired Environment environment) {
        // IdleConnectionTest shows the closing itself, with a timeout of 1 s.
        assertThat(environment.getProperty("server.netty.idle-timeout", Duration.class))
                .isEqualTo(Duration.ofSeconds(75));
    }

    @Test
    void givesEveryRouteATimeLimiterAboveTheResponseTimeout() {
        for (String route : new String[] {"order-service", "delivery-service"}) {
            TimeLimiter timeLimiter = timeLimiters.find(route).orElseThrow();
            assertThat(timeLimiter.getTimeLimiterConfig().getTimeoutDuration())
                    .isEqualTo(Duration.ofMillis(1500))
                    .isGreaterThan(httpClient.getResponseTimeout());
        }
    }
}
