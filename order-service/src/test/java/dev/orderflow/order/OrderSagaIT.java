package dev.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.DeliveryCancelled;
import dev.orderflow.events.DeliveryFailed;
import dev.orderflow.events.DeliveryScheduled;
import dev.orderflow.events.EventEnvelope;
import dev.orderflow.events.EventType;
import dev.orderflow.events.OrderCancelled;
import dev.orderflow.events.OrderConfirmed;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.Topics;
import dev.orderflow.testinfra.HttpTestClient;
import dev.orderflow.testinfra.KafkaTestClient;
import tools.jackson.databind.JsonNode;

/** The order service's side of the saga, step by step, over real HTTP, PostgreSQL and Kafka. */
class OrderSagaIT extends OrderServiceIntegrationTest {

    @Test
    void placingAnOrderCreatesAPendingOrderAndPublishesOrderPlaced() {
        HttpTestClient.Response response = customer("c-42").post("/orders", orderJson("c-42", "KR"), "X-Request-Id", "req-123");

        assertThat(response.status()).isEqualTo(201);
        JsonNode body = response.json();
        UUID orderId = UUID.fromString(body.get("id").asString());
        assertThat(response.header("Location")).contains("/orders/" + orderId);
        assertThat(response.header("X-Request-Id")).contains("req-123");
        assertThat(body.get("customerId").asString()).isEqualTo("c-42");
        assertThat(body.get("status").asString()).isEqualTo("PENDING");
        assertThat(body.get("totalAmount").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(body.get("items")).hasSize(2);
        assertThat(body.get("deliveryAddress").get("country").asString()).isEqualTo("KR");
        assertThat(body.get("createdAt").asString()).isNotBlank();
        assertThat(body.get("history").get(0).get("step").asString()).isEqualTo("PLACED");

        EventEnvelope placed = awaitPublished(orderId, 1).getFirst();
        assertThat(placed.payload()).isInstanceOfSatisfying(OrderPlaced.class, event -> {
            assertThat(event.customerId()).isEqualTo("c-42");
            assertThat(event.totalAmount()).isEqualByComparingTo("30.00");
        });
        assertThat(placed.correlationId()).isEqualTo("req-123");
        KafkaTestClient.Received record = kafka().records(Topics.ORDER_EVENTS).stream()
                .filter(r -> r.key().equals(orderId.toString())).findFirst().orElseThrow();
        assertThat(record.headers()).containsEntry(CloudEventHeaders.TYPE, "OrderPlaced")
                .containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0")
                .containsEntry(CloudEventHeaders.SUBJECT, orderId.toString());
    }

    @Test
    void scheduledDeliveryConfirmsTheOrder() {
        UUID orderId = placeOrder(uniqueCustomer());
        UUID deliveryId = UUID.randomUUID();

        kafka().publish(new DeliveryScheduled(orderId, deliveryId, "courier-7", LocalDate.now().plusDays(2)));

        JsonNode order = awaitStatus(orderId, "CONFIRMED");
        assertThat(order.get("deliveryId").asString()).isEqualTo(deliveryId.toString());
        assertThat(awaitPublished(orderId, 2).get(1).payload()).isEqualTo(new OrderConfirmed(orderId, deliveryId));
    }

    @Test
    void failedDeliveryCancelsTheOrderWithTheFailureReason() {
        UUID orderId = placeOrder(uniqueCustomer());

        kafka().publish(new DeliveryFailed(orderId, UUID.randomUUID(), "ADDRESS_NOT_SERVICEABLE"));

        JsonNode order = awaitStatus(orderId, "CANCELLED");
        assertThat(order.get("cancellationReason").asString()).isEqualTo("ADDRESS_NOT_SERVICEABLE");
        assertThat(steps(order)).containsExactly("PLACED", "CANCELLED");
        assertThat(awaitPublished(orderId, 2).get(1).payload())
                .isEqualTo(new OrderCancelled(orderId, "ADDRESS_NOT_SERVICEABLE"));
    }

    @Test
    void customerCancellationPublishesOrderCancelledAndRecordsTheCancelledDelivery() {
        String customer = uniqueCustomer();
        UUID orderId = placeOrder(customer);
        UUID deliveryId = UUID.randomUUID();
        kafka().publish(new DeliveryScheduled(orderId, deliveryId, "courier-7", LocalDate.now().plusDays(2)));
        awaitStatus(orderId, "CONFIRMED");

        HttpTestClient.Response cancelled = customer(customer).post("/orders/" + orderId + "/cancel", "");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("cancellationReason").asString()).isEqualTo("CUSTOMER_REQUEST");
        assertThat(awaitPublished(orderId, 3).get(2).payload()).isEqualTo(new OrderCancelled(orderId, "CUSTOMER_REQUEST"));

        kafka().publish(new DeliveryCancelled(orderId, deliveryId));
        await().atMost(Duration.ofSeconds(20)).until(() -> steps(order(orderId)).contains("DELIVERY_CANCELLED"));
    }

    @Test
    void cancellingACancelledOrderIsAConflict() {
        String customer = uniqueCustomer();
        UUID orderId = placeOrder(customer);
        assertThat(customer(customer).post("/orders/" + orderId + "/cancel", "").status()).isEqualTo(200);

        HttpTestClient.Response again = customer(customer).post("/orders/" + orderId + "/cancel", "");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
    }

    @Test
    void deliveryScheduledAfterCancellationChangesNothingAndIsRecorded() {
        String customer = uniqueCustomer();
        UUID orderId = placeOrder(customer);
        customer(customer).post("/orders/" + orderId + "/cancel", "");

        kafka().publish(new DeliveryScheduled(orderId, UUID.randomUUID(), "courier-7", LocalDate.now().plusDays(2)));

        await().atMost(Duration.ofSeconds(20)).until(() -> steps(order(orderId)).contains("LATE_DELIVERY_SCHEDULED"));
        JsonNode order = order(orderId);
        assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(order.get("cancellationReason").asString()).isEqualTo("CUSTOMER_REQUEST");
    }

    @Test
    void orderWithoutDeliveryDecisionIsCancelledAtTheDeadline() {
        UUID orderId = placeOrder(uniqueCustomer());
        assertThat(order(orderId).get("status").asString()).isEqualTo("PENDING");

        clock.advance(Duration.ofSeconds(61));

        JsonNode order = awaitStatus(orderId, "CANCELLED");
        assertThat(order.get("cancellationReason").asString()).isEqualTo("DELIVERY_TIMEOUT");
        List<EventEnvelope> events = awaitPublished(orderId, 2);
        assertThat(events.get(1).payload()).isEqualTo(new OrderCancelled(orderId, "DELIVERY_TIMEOUT"));
        assertThat(events.get(1).type()).isEqualTo(EventType.ORDER_CANCELLED);
    }

    static List<String> steps(JsonNode order) {
        return order.get("history").valueStream().map(entry -> entry.get("step").asString()).toList();
    }
}
