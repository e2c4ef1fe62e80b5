package dev.orderflow.gateway.observability;

import java.net.http.HttpResponse;
import java.util.List;

import dev.orderflow.gateway.support.FakeBackend.Reply;
import dev.orderflow.gateway.support.GatewayIntegrationTest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

import static dev.orderflow.gateway.support.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class ActuatorTest extends GatewayIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void reportsBreakerStatesInHealthDetails() {
        HttpResponse<String> health = gateway.get("/actuator/health");

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

        HttpResponse<String> health = gateway.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health, "$.status").toString()).isEqualTo("CIRCUIT_OPEN");
        assertThat(json(health, "$.components.circuitBreakers.details.order-service.state").toString())
                .isEqualTo("OPEN");

        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/livez", "/readyz")) {
            HttpResponse<String> response = gateway.get(probe);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(json(response, "$.status").toString()).as(probe).isEqualTo("UP");
        }
    }

    @Test
    void readinessAnswers503WhileTheGatewayRefusesTraffic() {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            for (String probe : List.of("/actuator/health/readiness", "/readyz")) {
                HttpResponse<String> response = gateway.get(probe);
                assertThat(response.statusCode()).as(probe).isEqualTo(503);
                assertThat(json(response, "$.status").toString()).as(probe).isEqualTo("OUT_OF_SERVICE");
            }
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(gateway.get("/readyz").statusCode()).isEqualTo(200);
    }

    @Test
    void listsBreakersAndTheirEvents() {
        openOrderServiceBreaker();

        HttpResponse<String> breakersEndpoint = gateway.get("/actuator/circuitbreakers");
        assertThat(json(breakersEndpoint, "$.circuitBreakers.order-service.state").toString()).isEqualTo("OPEN");
        assertThat(json(breakersEndpoint, "$.circuitBreakers.delivery-service.state").toString()).isEqualTo("CLOSED");

        HttpResponse<String> events = gateway.get("/actuator/circuitbreakerevents/order-service");
        List<String> types = json(events, "$.circuitBreakerEvents[*].type");
        assertThat(types).contains("ERROR", "STATE_TRANSITION");
    }

    @Test
    void refusesToChangeBreakerStatesOverHttp() {
        HttpResponse<String> response = gateway.send("POST", "/actuator/circuitbreakers/order-service",
                "{\"updateState\":\"FORCE_OPEN\"}");

        assertThat(response.statusCode()).isIn(404, 405);
        assertThat(stateOf("order-service")).isEqualTo(State.CLOSED);
    }

    @Test
    void publishesBreakerAndRouteMetrics() {
        gateway.get("/api/orders/1");

        HttpResponse<String> state = gateway.get(
                "/actuator/metrics/resilience4j.circuitbreaker.state?tag=name:order-service&tag=state:closed");
        assertThat(state.statusCode()).isEqualTo(200);
        assertThat((Double) json(state, "$.measurements[0].value")).isEqualTo(1.0);

        HttpResponse<String> requests = gateway.get(
                "/actuator/metrics/spring.cloud.gateway.requests?tag=routeId:order-service");
        assertThat(requests.statusCode()).isEqualTo(200);
    }

    @Test
    void exposesOnlyTheEndpointsItNeeds() {
        assertThat(gateway.get("/actuator/env").statusCode()).isEqualTo(404);
        assertThat(gateway.get("/actuator/beans").statusCode()).isEqualTo(404);
        assertThat(gateway.get("/actuator/heapdump").statusCode()).isEqualTo(404);
    }

    private void openOrderServiceBreaker() {
        orderService.answer(Reply.status(500));
        for (int call = 0; call < 4; call++) {
            gateway.get("/api/orders/1");
        }
        assertThat(stateOf("order-service")).isEqualTo(State.OPEN);
    }
}
