package dev.orderflow.stack;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;

/** The demo's orders and deliveries, placed and read through the gateway by the client's caller. */
final class DemoOrders {

    /** A delivery address: where the demo ships to. */
    record Address(String street, String city, String postalCode, String country) {

        static final Address SEOUL = new Address("1 Sejong-daero", "Seoul", "04524", "KR");
        static final Address NEW_YORK = new Address("350 5th Ave", "New York", "10118", "US");
        static final Address BERLIN = new Address("Unter den Linden 1", "Berlin", "10117", "DE");
        static final Address MCMURDO = new Address("1 Beach Rd", "McMurdo Station", "96599", "AQ");

        String describe() {
            return city + ", " + country;
        }
    }

    private final GatewayClient gateway;

    DemoOrders(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /** Places an order for whoever the gateway client is (the customer is the token's subject). */
    GatewayClient.Reply place(Address address) {
        Map<String, Object> order = Map.of(
                "items", List.of(Map.of("productId", "SKU-COFFEE-250G", "quantity", 2, "unitPrice", 8.95)),
                "deliveryAddress", Map.of("street", address.street(), "city", address.city(),
                        "postalCode", address.postalCode(), "country", address.country()));
        return gateway.post("/api/orders", GatewayClient.toJson(order));
    }

    JsonNode order(String id) {
        return gateway.get("/api/orders/" + id).json();
    }

    /** Polls the order until it leaves PENDING (or the timeout passes) and returns it. */
    JsonNode awaitDecision(String id, Duration timeout) {
        return await(() -> order(id), order -> !"PENDING".equals(order.path("status").asString()), timeout);
    }

    /** Polls the order until its history shows the step, e.g. DELIVERY_CANCELLED at the end of a cascade. */
    JsonNode awaitStep(String id, String step, Duration timeout) {
        return await(() -> order(id), order -> history(order).contains(step), timeout);
    }

    /** The order's delivery (there is at most one), or a missing node. */
    JsonNode deliveryOf(String orderId) {
        JsonNode items = gateway.get("/api/deliveries?orderId=" + orderId).json().path("items");
        return items.size() > 0 ? items.get(0) : items.path(0);
    }

    int deliveryCount(String orderId) {
        return gateway.get("/api/deliveries?orderId=" + orderId).json().path("items").size();
    }

    JsonNode awaitDeliveryStatus(String orderId, String status, Duration timeout) {
        return await(() -> deliveryOf(orderId), delivery -> status.equals(delivery.path("status").asString()), timeout);
    }

    static String history(JsonNode order) {
        return StreamSupport.stream(order.path("history").spliterator(), false)
                .map(entry -> entry.path("step").asString())
                .collect(Collectors.joining(" > "));
    }

    static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    private static JsonNode await(java.util.function.Supplier<JsonNode> read,
                                  java.util.function.Predicate<JsonNode> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode current = read.get();
        while (!done.test(current) && System.nanoTime() < deadline) {
            Stack.pause(Duration.ofMillis(200));
            current = read.get();
        }
        return current;
    }
}
