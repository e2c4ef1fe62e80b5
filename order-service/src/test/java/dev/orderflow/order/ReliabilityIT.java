package dev.orderflow.order;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.DeliveryCancelled;
import dev.orderflow.events.DeliveryScheduled;
import dev.orderflow.events.EventEnvelope;
import dev.orderflow.events.Topics;
import dev.orderflow.messaging.OutboxRelay;
import dev.orderflow.testinfra.KafkaTestClient;

/** Nothing lost, nothing applied twice: duplicates, poison records and a crash between commit and publish. */
class ReliabilityIT extends OrderServiceIntegrationTest {

    @Autowired
    OutboxRelay relay;

    @Autowired
    JdbcClient jdbc;

    @Test
    void redeliveredEventIsAppliedOnce() {
        UUID orderId = placeOrder(uniqueCustomer());
        UUID deliveryId = UUID.randomUUID();
        EventEnvelope scheduled = EventEnvelope.of(
                new DeliveryScheduled(orderId, deliveryId, "courier-1", LocalDate.now().plusDays(1)),
                Instant.now(), "corr-1", null);

        kafka().publish(scheduled);
        kafka().publish(scheduled);
        // Same key, same partition: once this one is applied, the duplicate before it was handled too.
        kafka().publish(new DeliveryCancelled(orderId, deliveryId));

        await().atMost(Duration.ofSeconds(20)).until(() -> OrderSagaIT.steps(order(orderId)).contains("DELIVERY_CANCELLED"));
        // Had the duplicate been applied, a LATE_DELIVERY_SCHEDULED step would stand between them.
        assertThat(OrderSagaIT.steps(order(orderId))).containsExactly("PLACED", "CONFIRMED", "DELIVERY_CANCELLED");
        assertThat(kafka().events(Topics.ORDER_EVENTS, orderId)).hasSize(2);
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndLaterRecordsStillFlow() {
        UUID orderId = placeOrder(uniqueCustomer());
        String key = orderId.toString();
        // Same key, so the same partition as the valid event behind it.
        kafka().publishRaw(Topics.DELIVERY_EVENTS, key, Map.of(), "not json at all".getBytes(UTF_8));
        kafka().publishRaw(Topics.DELIVERY_EVENTS, key, Map.of(CloudEventHeaders.TYPE, "DeliveryTeleported",
                CloudEventHeaders.ID, UUID.randomUUID().toString()), "{}".getBytes(UTF_8));
        kafka().publishRaw(Topics.DELIVERY_EVENTS, key, Map.of(CloudEventHeaders.TYPE, "DeliveryScheduled",
                CloudEventHeaders.ID, UUID.randomUUID().toString(), CloudEventHeaders.SCHEMA_VERSION, "1",
                CloudEventHeaders.TIME, Instant.now().toString()), "{\"orderId\":\"%s\"}".formatted(key).getBytes(UTF_8));

        kafka().publish(new DeliveryScheduled(orderId, UUID.randomUUID(), "courier-2", LocalDate.now().plusDays(1)));

        awaitStatus(orderId, "CONFIRMED");
        var deadLetters = await().atMost(Duration.ofSeconds(20)).until(
                () -> kafka().records(DEAD_LETTERS).stream().filter(r -> key.equals(r.key())).toList(),
                records -> records.size() == 3);
        assertThat(deadLetters).extracting(KafkaTestClient.Received::valueAsString)
                .containsExactly("not json at all", "{}", "{\"orderId\":\"%s\"}".formatted(key));
        assertThat(deadLetters).allSatisfy(record -> {
            assertThat(record.headers()).containsKey("kafka_dlt-exception-message");
            assertThat(record.headers().get("kafka_dlt-exception-cause-fqcn")).endsWith("EventDecodingException");
            assertThat(record.headers()).containsEntry("kafka_dlt-original-topic", Topics.DELIVERY_EVENTS);
        });
    }

    @Test
    void eventsCommittedBeforeACrashArePublishedWhenTheRelayRunsAgain() {
        relay.stop(); // the process "dies" after its commit, before the relay publishes
        UUID orderId;
        try {
            orderId = placeOrder(uniqueCustomer());
            assertThat(unsentOutboxRows(orderId)).isEqualTo(1);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> kafka().events(Topics.ORDER_EVENTS, orderId).isEmpty());
        } finally {
            relay.start(); // the restarted process finds the unsent row
        }

        assertThat(awaitPublished(orderId, 1)).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> unsentOutboxRows(orderId) == 0);
    }

    private long unsentOutboxRows(UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE message_key = ? AND sent_at IS NULL")
                .param(orderId.toString()).query(Long.class).single();
    }
}
