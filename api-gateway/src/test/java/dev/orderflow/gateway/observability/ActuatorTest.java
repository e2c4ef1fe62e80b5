package dev.orderflow.gateway.observability;

import java.net.http.HttpResponse;
import java.util.List;

import dev.orderflow.gateway.support.FakeBackend.Reply;
import dev.orderflow.gateway.support.GatewayIntegrationTest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

import static dev.orderflow.gateway.support.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator is served on the management port, without a token; the main port serves none of it, only the
 * probes /livez and /readyz.
 */
class ActuatorTest extends GatewayIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void reportsBreakerStatesInHealthDetails() {
        HttpResponse<String> health = management.get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health, "$.status").toString()).isEqualTo("UP");
        assertThat(json(health, "$.components.circuitBreakers.status").toString()).isEqualTo("UP");
        assertThat(json(health, "$.components.circuitBreakers.details.order-service.state").toString())
                .isEqualTo("CLOSED");
        assertThat(json(health, "$.components.circuitBreakers.details.delivery-service.state").toString())
                .isEqualTo("CLOSED");
    }

    @Test
    void anOpenBreakerShowsInHealthButLeavesLivenessAndReadinessUp() {
        openOrderServiceBreaker();

        HttpResponse<String> health = management.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health, "$.status").toString()).isEqualTo("CIRCUIT_OPEN");
        assertThat(json(health, "$.components.circuitBreakers.details.order-service.state").toString())
                .isEqualTo("OPEN");

        for (HttpResponse<String> response : List.of(management.get("/actuator/health/liveness"),
                management.get("/actuator/health/readiness"), anonymous().get("/livez"), anonymous().get("/readyz"))) {
            assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
            assertThat(json(response, "$.status").toString()).as(response.uri().toString()).isEqualTo("UP");
        }
    }

    @Test
    void readinessAnswers503WhileTheGatewayRefusesTraffic() {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            for (HttpResponse<String> response : List.of(management.get("/actuator/health/readiness"),
                    anonymous().get("/readyz"))) {
                assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(503);
                assertThat(json(response, "$.status").toString()).as(response.uri().toString())
                        .isEqualTo("OUT_OF_SERVICE");
            }
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(anonymous().get("/readyz").statusCode()).isEqualTo(200);
    }

    @Test
    void listsBreakersAndTheirEvents() {
        openOrderServiceBreaker();

        HttpResponse<String> breakersEndpoint = management.get("/actuator/circuitbreakers");
        assertThat(json(breakersEndpoint, "$.circuitBreakers.order-service.state").toString()).isEqualTo("OPEN");
        assertThat(json(breakersEndpoint, "$.circuitBreakers.delivery-service.state").toString()).isEqualTo("CLOSED");

        HttpResponse<String> events = management.get("/actuator/circuitbreakerevents/order-service");
        List<String> types = json(events, "$.circuitBreakerEvents[*].type");
        assertThat(types).contains("ERROR", "STATE_TRANSITION");
    }

    @Test
    void refusesToChangeBreakerStatesOverHttp() {
        HttpResponse<String> response = management.send("POST", "/actuator/circuitbreakers/order-service",
                "{\"updateState\":\"FORCE_OPEN\"}");

        assertThat(response.statusCode()).isIn(404, 405);
        assertThat(stateOf("order-service")).isEqualTo(State.CLOSED);
    }

    @Test
    void publishesBreakerAndRouteMetrics() {
        gateway.get("/api/orders/1");

        HttpResponse<String> state = management.get(
                "/actuator/metrics/resilience4j.circuitbreaker.state?tag=name:order-service&tag=state:closed");
        assertThat(state.statusCode()).isEqualTo(200);
        assertThat((Double) json(state, "$.measurements[0].value")).isEqualTo(1.0);

        HttpResponse<String> requests = management.get(
                "/actuator/metrics/spring.cloud.gateway.requests?tag=routeId:order-service");
        assertThat(requests.statusCode()).isEqualTo(200);

        HttpResponse<String> prometheus = management.get("/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("resilience4j_circuitbreaker_state");
    }

    @Test
    void servesTheActuatorWhateverAuthorizationHeaderAScraperSends() {
        for (String authorization : List.of("Bearer " + gateway.accessToken(), "Bearer not-a-token",
                "Basic c2NyYXBl")) {
            HttpResponse<String> response = management.get("/actuator/prometheus", "Authorization", authorization);

            assertThat(response.statusCode()).as(authorization).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/orders/1", "/openapi/orders", "/swagger-ui.html", "/livez", "/fallback/order-service",
            "/logout", "/nothing"})
    void servesNothingButTheActuatorOnTheManagementPort(String path) {
        HttpResponse<String> anonymous = management.get(path);
        HttpResponse<String> authenticated = management.get(path, "Authorization", "Bearer " + gateway.accessToken());

        for (HttpResponse<String> response : List.of(anonymous, authenticated)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(orderService.receivedCount() + deliveryService.receivedCount()).isZero();
    }

    @Test
    void exposesOnlyTheEndpointsItNeeds() {
        assertThat(management.get("/actuator/env").statusCode()).isEqualTo(404);
        assertThat(management.get("/actuator/beans").statusCode()).isEqualTo(404);
        assertThat(management.get("/actuator/heapdump").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator", "/actuator/health", "/actuator/health/readiness", "/actuator/prometheus",
            "/actuator/metrics", "/actuator/circuitbreakers", "/actuator/gateway/routes", "/actuator/env"})
    void servesNoActuatorOnTheMainPort(String path) {
        HttpResponse<String> anonymous = anonymous().get(path);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        // Not even to a caller with a valid token: there is no actuator on this port at all.
        HttpResponse<String> authenticated = gateway.get(path);
        assertThat(authenticated.statusCode()).isEqualTo(404);
        assertThat(authenticated.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private void openOrderServiceBreaker() {
        orderService.answer(Reply.status(500));
        for (int call = 0; call < 4; call++) {
            gateway.get("/api/orders/1");
        }
        assertThat(stateOf("order-service")).isEqualTo(State.OPEN);
    }
}
