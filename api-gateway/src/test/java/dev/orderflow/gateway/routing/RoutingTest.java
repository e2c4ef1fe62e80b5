package dev.orderflow.gateway.routing;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.orderflow.gateway.support.FakeBackend;
import dev.orderflow.gateway.support.FakeBackend.Reply;
import dev.orderflow.gateway.support.FakeBackend.ReceivedRequest;
import dev.orderflow.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.orderflow.gateway.support.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class RoutingTest extends GatewayIntegrationTest {

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource({
            "GET,    /api/orders,                     order-service,    /orders,               ",
            "GET,    /api/orders?status=NEW&page=2,   order-service,    /orders,               status=NEW&page=2",
            "GET,    /api/orders/42,                  order-service,    /orders/42,            ",
            "POST,   /api/orders,                     order-service,    /orders,               ",
            "PUT,    /api/orders/42,                  order-service,    /orders/42,            ",
            "PATCH,  /api/orders/42,                  order-service,    /orders/42,            ",
            "DELETE, /api/orders/42,                  order-service,    /orders/42,            ",
            "POST,   /api/orders/42/cancel?reason=x,  order-service,    /orders/42/cancel,     reason=x",
            "GET,    /api/deliveries,                 delivery-service, /deliveries,           ",
            "GET,    /api/deliveries?orderId=42,      delivery-service, /deliveries,           orderId=42",
            "GET,    /api/deliveries/7,               delivery-service, /deliveries/7,         ",
            "POST,   /api/deliveries/7/complete,      delivery-service, /deliveries/7/complete,",
            "PUT,    /api/deliveries/7,               delivery-service, /deliveries/7,         ",
            "DELETE, /api/deliveries/7,               delivery-service, /deliveries/7,         "
    })
    void routesEachPathAndMethodToItsServiceWithoutTheApiPrefix(String method, String path, String service,
            String backendPath, String backendQuery) {
        String body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH") ? "{\"n\":1}" : null;

        HttpResponse<String> response = gateway.send(method, path, body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response, "$.backend").toString()).isEqualTo(service);
        ReceivedRequest received = backend(service).received().getFirst();
        assertThat(received.method()).isEqualTo(method);
        assertThat(received.path()).isEqualTo(backendPath);
        assertThat(received.query()).isEqualTo(backendQuery);
        if (body != null) {
            assertThat(received.body()).isEqualTo(body);
        }
        assertThat(otherBackend(service).receivedCount()).isZero();
    }

    @Test
    void createsARequestIdWhenTheClientSendsNoneAndReturnsIt() {
        HttpResponse<String> response = gateway.get("/api/orders/1");

        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(UUID.fromString(requestId)).isNotNull();
        assertThat(orderService.received().getFirst().header("X-Request-Id")).isEqualTo(requestId);
    }

    @Test
    void keepsTheClientsRequestIdAndForwardsTraceContext() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        HttpResponse<String> response = gateway.get("/api/deliveries/7", "X-Request-Id", "client-req-123",
                "traceparent", traceparent, "tracestate", "vendor=value");

        assertThat(response.headers().allValues("X-Request-Id")).containsExactly("client-req-123");
        ReceivedRequest received = deliveryService.received().getFirst();
        assertThat(received.header("X-Request-Id")).isEqualTo("client-req-123");
        // The same trace, continued by the gateway's own span: version, trace id and flags kept, a new parent id.
        assertThat(received.header("traceparent")).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").endsWith("-01")
                .isNotEqualTo(traceparent);
        assertThat(received.header("tracestate")).isEqualTo("vendor=value");
    }

    @Test
    void replacesARequestIdThatIsNotASafeToken() {
        HttpResponse<String> response = gateway.get("/api/orders/1", "X-Request-Id", "<script>alert(1)</script>");

        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(requestId).doesNotContain("<");
        assertThat(orderService.received().getFirst().header("X-Request-Id")).isEqualTo(requestId);
    }

    @Test
    void returnsTheBackendsOwnRequestIdHeaderOnlyOnce() {
        orderService.answer(Reply.json(200, "{}").withHeader("X-Request-Id", "echoed-by-backend"));

        HttpResponse<String> response = gateway.get("/api/orders/1", "X-Request-Id", "mine");

        assertThat(response.headers().allValues("X-Request-Id")).containsExactly("mine");
    }

    @Test
    void passesBackendClientErrorsAndHeadersThroughUnchanged() {
        orderService.answer(new Reply(409, Map.of("Content-Type", "application/problem+json",
                "Idempotent-Replayed", "false"), "{\"title\":\"Conflict\",\"status\":409}", Duration.ZERO, false));

        HttpResponse<String> response = gateway.send("POST", "/api/orders", "{}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Idempotent-Replayed")).hasValue("false");
        assertThat(response.body()).isEqualTo("{\"title\":\"Conflict\",\"status\":409}");
    }

    @ParameterizedTest
    @CsvSource({
            "order-service,    /api/orders,        /orders/42,                           /api/orders/42",
            "order-service,    /api/orders,        http://order-service:8081/orders/42,  /api/orders/42",
            "delivery-service, /api/deliveries,    /deliveries/7?view=full,              /api/deliveries/7?view=full",
            "order-service,    /api/orders,        https://elsewhere.example/docs,       https://elsewhere.example/docs"
    })
    void pointsLocationHeadersAtTheGatewayPaths(String service, String path, String location, String expected) {
        backend(service).answer(Reply.json(201, "{}").withHeader("Location", location));

        HttpResponse<String> response = gateway.send("POST", path, "{}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue(expected);
    }

    @Test
    void routesHeadRequests() {
        HttpResponse<String> response = gateway.send("HEAD", "/api/orders/42", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(orderService.received().getFirst().method()).isEqualTo("HEAD");
    }

    @Test
    void answersUnknownPathsWithA404Problem() {
        HttpResponse<String> response = gateway.get("/api/customers/1");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response, "$.status").toString()).isEqualTo("404");
        assertThat(json(response, "$.title").toString()).isEqualTo("Not Found");
        assertThat(json(response, "$.instance").toString()).isEqualTo("/api/customers/1");
        assertThat(json(response, "$.requestId").toString())
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(orderService.receivedCount() + deliveryService.receivedCount()).isZero();
    }

    @Test
    void doesNotExposeTheServicesUnprefixedPaths() {
        assertThat(gateway.get("/orders/1").statusCode()).isEqualTo(404);
        assertThat(gateway.get("/api/ordersextra").statusCode()).isEqualTo(404);
        assertThat(orderService.receivedCount()).isZero();
    }

    private static FakeBackend backend(String service) {
        return service.equals("order-service") ? orderService : deliveryService;
    }

    private static FakeBackend otherBackend(String service) {
        return service.equals("order-service") ? deliveryService : orderService;
    }
}
