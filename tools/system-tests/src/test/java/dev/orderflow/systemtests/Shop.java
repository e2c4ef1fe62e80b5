package dev.orderflow.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.orderflow.testinfra.HttpTestClient;
import dev.orderflow.testinfra.HttpTestClient.Response;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a client of orderflow does, through the gateway: place, read and cancel orders, read deliveries. */
public final class Shop {

    static final Duration SAGA = Duration.ofSeconds(60);

    private final HttpTestClient gateway;

    Shop(HttpTestClient gateway) {
        this.gateway = gateway;
    }

    static String order(String customerId, String country) {
        return HttpTestClient.toJson(Map.of(
                "customerId", customerId,
                "items", List.of(Map.of("productId", "SKU-COFFEE-250G", "quantity", 2, "unitPrice", 8.95)),
                "deliveryAddress", Map.of("street", "1 Main St", "city", "Somewhere", "postalCode", "12345",
                        "country", country)));
    }

    Response place(String customerId, String country, String... headers) {
        return gateway.post("/api/orders", order(customerId, country), headers);
    }

    /** Places an order and returns its id, asserting what every accepted order looks like. */
    String placeOrder(String customerId, String country) {
        Response response = place(customerId, country);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode order = response.json();
        assertThat(order.path("status").asString()).isEqualTo("PENDING");
        assertThat(response.header("Location")).hasValue("/api/orders/" + order.path("id").asString());
        return order.path("id").asString();
    }

    JsonNode order(String id) {
        Response response = gateway.get("/api/orders/" + id);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    JsonNode awaitStatus(String id, String status) {
        await().atMost(SAGA).pollInterval(Duration.ofMillis(200))
                .until(() -> order(id).path("status").asString(), status::equals);
        return order(id);
    }

    /** The deliveries of an order: the saga makes exactly one, whatever happens. */
    List<JsonNode> deliveriesOf(String orderId) {
        Response response = gateway.get("/api/deliveries?orderId=" + orderId);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> deliveries = new ArrayList<>();
        response.json().path("items").forEach(deliveries::add);
        return deliveries;
    }

    JsonNode onlyDeliveryOf(String orderId) {
        List<JsonNode> deliveries = deliveriesOf(orderId);
        assertThat(deliveries).as("deliveries of order " + orderId).hasSize(1);
        return deliveries.get(0);
    }

    JsonNode awaitDeliveryStatus(String orderId, String status) {
        await().atMost(SAGA).pollInterval(Duration.ofMillis(200))
                .until(() -> deliveriesOf(orderId).stream().map(d -> d.path("status").asString()).toList(),
                        statuses -> statuses.equals(List.of(status)));
        return onlyDeliveryOf(orderId);
    }

    /** All orders of a customer (at most 200), newest first. */
    List<JsonNode> ordersOf(String customerId) {
        Response response = gateway.get("/api/orders?customerId=" + customerId + "&size=200");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> orders = new ArrayList<>();
        response.json().path("items").forEach(orders::add);
        return orders;
    }

    /** How many orders are in this state, as the order listing counts them. */
    long countOrders(String status) {
        Response response = gateway.get("/api/orders?status=" + status + "&size=1");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("totalItems").asLong();
    }

    /** The state of one of the gateway's circuit breakers ("CLOSED", "OPEN", "HALF_OPEN"). */
    String breakerState(String name) {
        return gateway.get("/actuator/circuitbreakers").json().path("circuitBreakers").path(name).path("state").asString();
    }

    static List<String> history(JsonNode order) {
        List<String> steps = new ArrayList<>();
        order.path("history").forEach(entry -> steps.add(entry.path("step").asString()));
        return steps;
    }
}
