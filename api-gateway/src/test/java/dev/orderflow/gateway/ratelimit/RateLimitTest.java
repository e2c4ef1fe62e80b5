package dev.orderflow.gateway.ratelimit;

import java.net.http.HttpResponse;
import java.util.UUID;

import dev.orderflow.gateway.support.FakeBackend.Reply;
import dev.orderflow.gateway.support.GatewayClient;
import dev.orderflow.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static dev.orderflow.gateway.support.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small limit: 3 requests at once, then one per second, per caller: the subject of the access token. Other test
 * classes run with the generous default.
 */
@TestPropertySource(properties = {
        "orderflow.gateway.rate-limit.burst-capacity=3",
        "orderflow.gateway.rate-limit.replenish-rate=1"
})
class RateLimitTest extends GatewayIntegrationTest {

    private static final int BURST = 3;

    @Test
    void answers429WithRetryAfterPastTheLimit() {
        for (int call = 0; call < BURST; call++) {
            HttpResponse<String> allowed = gateway.get("/api/orders/1");
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(BURST - 1 - call));
        }

        HttpResponse<String> limited = gateway.get("/api/orders/1");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(json(limited, "$.status").toString()).isEqualTo("429");
        assertThat(json(limited, "$.title").toString()).isEqualTo("Too Many Requests");
        assertThat(orderService.receivedCount()).isEqualTo(BURST);
    }

    @Test
    void countsTheSameClientAcrossRoutes() {
        for (int call = 0; call < BURST; call++) {
            gateway.get(call % 2 == 0 ? "/api/orders/1" : "/api/deliveries/1");
        }

        assertThat(gateway.get("/api/deliveries/1").statusCode()).isEqualTo(429);
    }

    @Test
    void keepsABucketPerSubject() {
        GatewayClient alice = customer("alice-" + UUID.randomUUID());
        GatewayClient bob = customer("bob-" + UUID.randomUUID());
        for (int call = 0; call < BURST; call++) {
            assertThat(alice.get("/api/orders/1").statusCode()).isEqualTo(200);
        }
        assertThat(alice.get("/api/orders/1").statusCode()).isEqualTo(429);

        for (int call = 0; call < BURST; call++) {
            assertThat(bob.get("/api/orders/1").statusCode()).isEqualTo(200);
        }
        assertThat(bob.get("/api/orders/1").statusCode()).isEqualTo(429);
    }

    @Test
    void countsTheSubjectNotTheToken() {
        String subject = "carol-" + UUID.randomUUID();
        for (int call = 0; call < BURST; call++) {
            // A fresh token for every call, as a client logging in again would get: still the same caller.
            assertThat(customer(subject).get("/api/orders/1").statusCode()).isEqualTo(200);
        }

        assertThat(customer(subject).get("/api/orders/1").statusCode()).isEqualTo(429);
    }

    @Test
    void ignoresTheFormerApiKeyHeader() {
        for (int call = 0; call < BURST; call++) {
            gateway.get("/api/orders/1", "X-Api-Key", "key-" + call);
        }

        assertThat(gateway.get("/api/orders/1", "X-Api-Key", "yet-another-key").statusCode()).isEqualTo(429);
    }

    @Test
    void limitsTheAnonymousReadersOfTheApiDocumentsByTheirAddress() {
        orderService.answer(Reply.json(200, "{\"openapi\":\"3.1.0\",\"paths\":{}}"));

        int limited = 0;
        for (int call = 0; call <= BURST; call++) {
            limited += anonymous().get("/openapi/orders").statusCode() == 429 ? 1 : 0;
        }

        assertThat(limited).isPositive();
    }

    @Test
    void doesNotLimitTheGatewaysOwnActuator() {
        for (int call = 0; call <= BURST * 2; call++) {
            assertThat(management.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(anonymous().get("/readyz").statusCode()).isEqualTo(200);
        }
    }
}
