package dev.orderflow.systemtests;

import java.util.UUID;

import dev.orderflow.testinfra.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The saga's three endings, and an idempotent retry, through the gateway against the running system. */
@ExtendWith(SystemStackExtension.class)
class OrderSagaIT {

    private final SystemStack system;
    private final Shop shop;

    OrderSagaIT(SystemStack system) {
        this.system = system;
        this.shop = system.shop();
    }

    @Test
    void confirmsAnOrderWithAScheduledDelivery() {
        String id = shop.placeOrder("KR");

        JsonNode order = shop.awaitStatus(id, "CONFIRMED");

        assertThat(Shop.history(order)).containsExactly("PLACED", "CONFIRMED");
        Response delivery = shop.gateway().get("/api/deliveries/" + order.path("deliveryId").asString());
        assertThat(delivery.status()).isEqualTo(200);
        assertThat(delivery.json().path("orderId").asString()).isEqualTo(id);
        assertThat(delivery.json().path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(delivery.json().path("courier").asString()).isNotBlank();
        assertThat(shop.deliveriesOf(id)).hasSize(1);
    }

    @Test
    void cancelsAnOrderToACountryOutsideTheServiceAreaWithTheDeliverysReason() {
        String id = shop.placeOrder("AQ");

        JsonNode order = shop.awaitStatus(id, "CANCELLED");

        assertThat(order.path("cancellationReason").asString()).isEqualTo("ADDRESS_NOT_SERVICEABLE");
        JsonNode delivery = shop.onlyDeliveryOf(id);
        assertThat(delivery.path("status").asString()).isEqualTo("FAILED");
        assertThat(delivery.path("failureReason").asString()).isEqualTo("ADDRESS_NOT_SERVICEABLE");
    }

    @Test
    void aCustomerCancellationCascadesToTheDelivery() {
        String id = shop.placeOrder("US");
        shop.awaitStatus(id, "CONFIRMED");

        Response cancelled = shop.gateway().post("/api/orders/" + id + "/cancel", "");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("cancellationReason").asString()).isEqualTo("CUSTOMER_REQUEST");
        assertThat(shop.awaitDeliveryStatus(id, "CANCELLED").path("orderId").asString()).isEqualTo(id);
        org.awaitility.Awaitility.await().atMost(Shop.SAGA)
                .until(() -> Shop.history(shop.order(id)).contains("DELIVERY_CANCELLED"));
        assertThat(shop.gateway().post("/api/orders/" + id + "/cancel", "").status()).isEqualTo(409);
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyReturnsTheSameOrder() {
        String key = "retry-" + UUID.randomUUID();
        long ordersBefore = shop.countMyOrders();

        Response first = shop.place("JP", "Idempotency-Key", key);
        Response retry = shop.place("JP", "Idempotency-Key", key);
        Response otherBody = shop.place("FR", "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).hasValue("false");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(shop.countMyOrders()).isEqualTo(ordersBefore + 1);
        String id = first.json().path("id").asString();
        shop.awaitStatus(id, "CONFIRMED");
        assertThat(shop.deliveriesOf(id)).hasSize(1);
    }
}
