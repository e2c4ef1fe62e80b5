package dev.orderflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.orderflow.events.OrderCancelled;
import dev.orderflow.events.Topics;
import dev.orderflow.messaging.MessagingTestApplication.RecordingHandler.Committed;
import dev.orderflow.testinfra.KafkaTestClient;
import dev.orderflow.testinfra.ServiceDatabase;
import dev.orderflow.testinfra.TestInfrastructure;

/**
 * The listener against real PostgreSQL and Kafka: events that queued up while it was busy are applied in one
 * transaction, and a failing event in such a batch costs the others nothing: each is applied exactly once,
 * in order, and the failing one is retried or dead-lettered on its own, with a line in the log for each attempt.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = MessagingTestApplication.class, properties = {
        "spring.application.name=incoming-events-test",
        "spring.kafka.consumer.group-id=incoming-events-test",
        "spring.flyway.schemas=orders",
        "spring.flyway.default-schema=orders",
        "spring.flyway.create-schemas=false",
        "spring.flyway.locations=classpath:db/messaging",
        "orderflow.messaging.partitions=3",
        "orderflow.messaging.consumer.initial-backoff=100ms",
        "orderflow.messaging.consumer.max-retry-time=1s"})
class IncomingEventsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String DEAD_LETTERS = Topics.ORDER_EVENTS + DeadLetterErrorHandling.DEAD_LETTER_SUFFIX;

    @Autowired
    MessagingTestApplication.RecordingHandler handler;

    private final KafkaTestClient kafka = KafkaTestClient.watching(DEAD_LETTERS);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, ServiceDatabase.ORDERS);
    }

    @AfterEach
    void closeClient() {
        kafka.close();
    }

    @Test
    void eventsThatQueuedUpWhileTheListenerWasBusyAreAppliedInOneTransaction() {
        UUID order = UUID.randomUUID();
        List<String> queued = List.of("Q1", "Q2", "Q3", "Q4", "Q5");

        publishBehindAGate(order, queued);

        List<Committed> committed = awaitCommitted(order, 6);
        assertThat(reasons(committed)).containsExactly("GATE", "Q1", "Q2", "Q3", "Q4", "Q5");
        // The consumer fetched ahead while GATE was handled: the first queued event may come in a poll of its own,
        // the rest must come together (one at a time, there would be five transactions).
        List<Long> transactions = committed.subList(1, 6).stream().map(Committed::transactionId).distinct().toList();
        assertThat(transactions).doesNotContain(committed.get(0).transactionId()).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aBatchWithAnEventThatFailsOnceIsAppliedOnceAndInOrder() {
        UUID order = UUID.randomUUID();
        handler.failOnce("FLAKY-" + order);

        publishBehindAGate(order, List.of("B1", "FLAKY-" + order, "B3"));

        assertThat(reasons(awaitCommitted(order, 4))).containsExactly("GATE", "B1", "FLAKY-" + order, "B3");
        assertNothingMoreCommittedFor(order, 4);
    }

    @Test
    void anEventThatAlwaysFailsIsDeadLetteredAndTheRestOfItsBatchAppliedOnce(CapturedOutput output) {
        UUID order = UUID.randomUUID();
        handler.failAlways("BROKEN-" + order);

        publishBehindAGate(order, List.of("C1", "BROKEN-" + order, "C3"));

        assertThat(reasons(awaitCommitted(order, 3))).containsExactly("GATE", "C1", "C3");
        KafkaTestClient.Received deadLetter = await().atMost(PATIENCE).until(() -> kafka
                .records(DEAD_LETTERS).stream().filter(r -> r.key().equals(order.toString()))
                .toList(), found -> !found.isEmpty()).getFirst();
        assertThat(deadLetter.valueAsString()).contains("BROKEN-" + order);
        assertThat(deadLetter.headers().get("kafka_dlt-exception-message")).startsWith("handler failed on BROKEN-");
        assertThat(deadLetter.headers()).containsEntry("kafka_dlt-exception-cause-fqcn",
                IllegalStateException.class.getName());
        // the listener's id, which spring-kafka makes its consumer group
        assertThat(deadLetter.headers()).containsEntry("kafka_dlt-original-consumer-group", "incoming-events-test-events");
        assertNothingMoreCommittedFor(order, 3);
        // a WARN line per attempt naming the event's own failure, not spring-kafka's ERROR and stack trace per retry
        String record = Topics.ORDER_EVENTS + "-\\d+@\\d+ \\(key " + order + "\\)";
        String cause = "java.lang.IllegalStateException: handler failed on BROKEN-" + order;
        assertThat(output.getOut()).containsPattern("WARN .* Attempt 1 at " + record + " failed: " + cause)
                .containsPattern("WARN .* Attempt 2 at " + record + " failed: " + cause)
                .containsPattern("WARN .* Dead-lettering " + record + ": " + cause)
                .doesNotContain("Error handler threw an exception");
    }

    /** GATE holds the listener while the other events are published behind it, on the same partition. */
    private void publishBehindAGate(UUID order, List<String> reasons) {
        CountDownLatch gate = new CountDownLatch(1);
        handler.waitBefore("GATE", gate);
        try {
            kafka.publish(new OrderCancelled(order, "GATE"));
            await().atMost(PATIENCE).until(() -> handler.isWaiting("GATE"));
            reasons.forEach(reason -> kafka.publish(new OrderCancelled(order, reason)));
        } finally {
            gate.countDown();
        }
    }

    private List<Committed> awaitCommitted(UUID order, int count) {
        return await().atMost(PATIENCE).until(() -> committedFor(order), found -> found.size() >= count);
    }

    private void assertNothingMoreCommittedFor(UUID order, int count) {
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> committedFor(order).size() == count);
    }

    private List<Committed> committedFor(UUID order) {
        return handler.committed.stream().filter(c -> c.event().orderId().equals(order)).toList();
    }

    private static List<String> reasons(List<Committed> committed) {
        return committed.stream().map(c -> c.event().reason()).toList();
    }
}
