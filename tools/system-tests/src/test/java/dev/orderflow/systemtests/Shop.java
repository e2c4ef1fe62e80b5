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

/**
 * What a customer of orderflow does, through the gateway with their token: place, read and cancel their orders,
 * read their deliveries. Counts of every order are read as an operator; breaker states on the gateway's
 * management port.
 */
public final class Shop {

    static final Duration SAGA = Duration.ofSeconds(60);

    private final HttpTestClient gateway;
    private final HttpTestClient operator;
    private final HttpTestClient gatewayManagement;

    Shop(HttpTestClient customer, HttpTestClient operator, HttpTestClient gatewayManagement) {
        this.gateway = customer;
        this.operator = operator;
        this.gatewayManagement = gatewayManagement;
    }

    /** An order's body: the customer is whoever places it (the token's subject), so it names none. */
    static String orderBody(String country) {
        return HttpTestClient.toJson(Map.of(
                "items", List.of(Map.of("productId", "SKU-COFFEE-250G", "quantity", 2, "unitPrice", 8.95)),
                "deliveryAddress", Map.of("street", "1 Main St", "city", "Somewhere", "postalCode", "12345",
                        "country", country)));
    }

    /** The customer's own client of the gateway. */
    HttpTestClient gateway() {
        return gateway;
    }

    Response place(String country, String... headers) {
        return gateway.post("/api/orders", orderBody(country), headers);
    }

    /** Places an order and returns its id, asserting what every accepted order looks like. */
    String placeOrder(String country) {
        Response response = place(country);
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

    /** The customer's orders (at most 200), newest first: a customer's listing holds only their own. */
    List<JsonNode> myOrders() {
        Response response = gateway.get("/api/orders?size=200");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> orders = new ArrayList<>();
        response.json().path("items").forEach(orders::add);
        return orders;
    }

    /** How many of the customer's orders there are, as their listing counts them. */
    long countMyOrders() {
        Response response = gateway.get("/api/orders?size=1");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("totalItems").asLong();
    }

    /** How many orders of every customer are in this state, as the operator's listing counts them. */
    long countOrders(String status) {
        Response response = operator.get("/api/orders?status=" + status + "&size=1");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("totalItems").asLong();
    }

    /** The state of one of the gateway's circuit breakers ("CLOSED", "OPEN", "HALF_OPEN"). */
    String breakerState(String name) {
        return gatewayManagement.get("/actuator/circuitbreakers").json().path("circuitBreakers").path(name).path("state")
                .asString();
    }

    static List<String> history(JsonNode order) {
        List<String> steps = new ArrayList<>();
        order.path("history").forEach(entry -> steps.add(entry.path("step").asString()));
        return steps;
    }
}
