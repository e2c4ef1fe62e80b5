package dev.orderflow.delivery;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.DeliveryCancelled;
import dev.orderflow.events.DeliveryFailed;
import dev.orderflow.events.DeliveryScheduled;
import dev.orderflow.events.EventEnvelope;
import dev.orderflow.events.OrderCancelled;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.Topics;
import dev.orderflow.testinfra.HttpTestClient;
import tools.jackson.databind.JsonNode;

/** The delivery service's side of the saga over real HTTP, PostgreSQL and Kafka. */
class DeliverySagaIT extends DeliveryServiceIntegrationTest {

    @Test
    void orderToAServedCountryGetsAScheduledDelivery() {
        OrderPlaced order = orderTo("KR");

        EventEnvelope placed = kafka().publish(order);

        JsonNode delivery = awaitDelivery(order.orderId(), "SCHEDULED");
        assertThat(delivery.get("courier").asString()).isNotBlank();
        assertThat(delivery.get("estimatedDeliveryDate").asString()).isNotBlank();
        assertThat(delivery.get("failureReason").isNull()).isTrue();
        EventEnvelope scheduled = awaitPublished(order.orderId(), 1).getFirst();
        assertThat(scheduled.payload()).isInstanceOfSatisfying(DeliveryScheduled.class,
                event -> assertThat(event.deliveryId().toString()).isEqualTo(delivery.get("id").asString()));
        assertThat(scheduled.correlationId()).as("the saga's correlation id travels on").isEqualTo(placed.correlationId());
        assertThat(customer(CUSTOMER).get("/deliveries/" + delivery.get("id").asString()).json().get("orderId")
                .asString()).isEqualTo(order.orderId().toString());
        assertThat(delivery.get("customerId").asString()).isEqualTo(CUSTOMER);
    }

    @Test
    void orderToAnUnservedCountryFailsWithAddressNotServiceable() {
        OrderPlaced order = orderTo("AQ");

        kafka().publish(order);

        JsonNode delivery = awaitDelivery(order.orderId(), "FAILED");
        assertThat(delivery.get("failureReason").asString()).isEqualTo("ADDRESS_NOT_SERVICEABLE");
        assertThat(awaitPublished(order.orderId(), 1).getFirst().payload()).isEqualTo(new DeliveryFailed(
                order.orderId(), UUID.fromString(delivery.get("id").asString()), "ADDRESS_NOT_SERVICEABLE"));
    }

    @Test
    void cancelledOrderCancelsItsScheduledDelivery() {
        OrderPlaced order = orderTo("DE");
        kafka().publish(order);
        JsonNode scheduled = awaitDelivery(order.orderId(), "SCHEDULED");

        kafka().publish(new OrderCancelled(order.orderId(), "CUSTOMER_REQUEST"));

        awaitDelivery(order.orderId(), "CANCELLED");
        assertThat(awaitPublished(order.orderId(), 2).get(1).payload()).isEqualTo(
                new DeliveryCancelled(order.orderId(), UUID.fromString(scheduled.get("id").asString())));
    }

    @Test
    void orderCancelledBeforeItWasPlacedNeverGetsADelivery() {
        OrderPlaced order = orderTo("KR");

        kafka().publish(new OrderCancelled(order.orderId(), "DELIVERY_TIMEOUT"));
        awaitDelivery(order.orderId(), "CANCELLED");
        kafka().publish(order);
        kafka().publish(new OrderCancelled(order.orderId(), "CUSTOMER_REQUEST"));

        awaitPublished(order.orderId(), 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> deliveryOf(order.orderId()).orElseThrow().get("status").asString().equals("CANCELLED"));
        assertThat(kafka().events(Topics.DELIVERY_EVENTS, order.orderId())).hasSize(1);
    }

    @Test
    void redeliveredOrderPlacedCreatesOneDelivery() {
        OrderPlaced order = orderTo("JP");
        EventEnvelope placed = EventEnvelope.of(order, Instant.now(), "corr", null);

        kafka().publish(placed);
        kafka().publish(placed);
        kafka().publish(new OrderCancelled(order.orderId(), "CUSTOMER_REQUEST"));

        awaitDelivery(order.orderId(), "CANCELLED");
        assertThat(kafka().events(Topics.DELIVERY_EVENTS, order.orderId()))
                .extracting(event -> event.type().wireName())
                .containsExactly("DeliveryScheduled", "DeliveryCancelled");
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheOrderBehindThemIsStillServed() {
        OrderPlaced order = orderTo("US");
        String key = order.orderId().toString();
        kafka().publishRaw(Topics.ORDER_EVENTS, key, Map.of(), new byte[] {0, 1, 2, (byte) 0xff});
        kafka().publishRaw(Topics.ORDER_EVENTS, key, Map.of(CloudEventHeaders.TYPE, "OrderPlaced",
                CloudEventHeaders.ID, UUID.randomUUID().toString(), CloudEventHeaders.SCHEMA_VERSION, "9",
                CloudEventHeaders.TIME, Instant.now().toString()), "{}".getBytes(UTF_8));

        kafka().publish(order);

        awaitDelivery(order.orderId(), "SCHEDULED");
        var deadLetters = await().atMost(Duration.ofSeconds(20)).until(
                () -> kafka().records(DEAD_LETTERS).stream().filter(r -> key.equals(r.key())).toList(),
                records -> records.size() == 2);
        assertThat(deadLetters).allSatisfy(record ->
                assertThat(record.headers()).containsKeys("kafka_dlt-exception-message", "kafka_dlt-original-offset"));
    }

    @Test
    void unknownDeliveriesAndBadIdsGetProblems() {
        HttpTestClient.Response missing = operator().get("/deliveries/" + UUID.randomUUID());
        HttpTestClient.Response badId = operator().get("/deliveries/42");
        HttpTestClient.Response noneForOrder = operator().get("/deliveries?orderId=" + UUID.randomUUID());

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(noneForOrder.json().get("items")).isEmpty();
        assertThat(operator().get("/deliveries?status=LOST").status()).isEqualTo(400);
    }

    @Test
    void listsDeliveriesNewestFirst() {
        OrderPlaced first = orderTo("KR");
        OrderPlaced second = orderTo("AQ");
        kafka().publish(first);
        kafka().publish(second);
        awaitDelivery(first.orderId(), "SCHEDULED");
        awaitDelivery(second.orderId(), "FAILED");

        JsonNode failed = operator().get("/deliveries?status=FAILED&size=200").json();

        assertThat(failed.get("items").valueStream().map(d -> d.get("orderId").asString()))
                .contains(second.orderId().toString())
                .doesNotContain(first.orderId().toString());
        assertThat(failed.get("totalItems").asLong()).isPositive();
    }
}
