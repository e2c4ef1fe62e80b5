package dev.orderflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.orderflow.events.EventEnvelope;
import dev.orderflow.events.OrderCancelled;
import dev.orderflow.events.Topics;
import dev.orderflow.testinfra.KafkaTestClient;
import dev.orderflow.testinfra.ServiceDatabase;
import dev.orderflow.testinfra.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/** The outbox relay and the inbox against real PostgreSQL and Kafka. */
@SpringBootTest(classes = MessagingTestApplication.class, properties = {
        "spring.application.name=messaging-test",
        "spring.kafka.consumer.group-id=messaging-test",
        "spring.flyway.schemas=orders",
        "spring.flyway.default-schema=orders",
        "spring.flyway.create-schemas=false",
        "spring.flyway.locations=classpath:db/messaging",
        "orderflow.messaging.partitions=3",
        "orderflow.messaging.relay.batch-size=7"})
class OutboxRelayIT {

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    OutboxStore store;

    @Autowired
    Inbox inbox;

    @Autowired
    KafkaTemplate<String, byte[]> kafkaTemplate;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessagingMetrics metrics;

    @Autowired
    EventTracing tracing;

    @Autowired
    MessagingTestApplication.RecordingHandler handler;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, ServiceDatabase.ORDERS);
    }

    @Test
    void eventsOfEachOrderArePublishedInCommitOrderEvenWithCompetingRelays() throws Exception {
        List<UUID> orders = IntStream.range(0, 10).mapToObj(i -> UUID.randomUUID()).toList();
        OutboxRelay secondInstance = new OutboxRelay(store, purgeWith(Clock.systemUTC()), metrics, tracing,
                kafkaTemplate, transaction,
                new MessagingProperties.Relay(true, Duration.ofMillis(20), 7, Duration.ofSeconds(10),
                        Duration.ofHours(1)), Clock.systemUTC());
        secondInstance.start();
        try (KafkaTestClient kafka = KafkaTestClient.watching(Topics.ORDER_EVENTS);
             ExecutorService writers = Executors.newFixedThreadPool(4)) {
            for (int step = 0; step < 20; step++) {
                int current = step;
                List<Future<?>> writes = new ArrayList<>();
                for (UUID order : orders) {
                    writes.add(writers.submit(() -> transaction.executeWithoutResult(
                            status -> outbox.add(new OrderCancelled(order, "STEP_" + current)))));
                }
                for (var write : writes) {
                    write.get();
                }
                secondInstance.wakeUp();
            }

            for (UUID order : orders) {
                List<String> steps = await().atMost(Duration.ofSeconds(30))
                        .until(() -> reasons(kafka.events(Topics.ORDER_EVENTS, order)), published -> published.size() >= 20);
                assertThat(steps).as("order %s", order)
                        .containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(i -> "STEP_" + i).toList());
            }
        } finally {
            secondInstance.stop();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL").query(Long.class).single())
                .isZero();
    }

    @Test
    void measuresTheBacklogAtItsPollsOnlyNotAfterEveryPassACommitWokeIt() {
        BacklogCountingStore countingStore = new BacklogCountingStore(jdbc);
        OutboxRelay relay = new OutboxRelay(countingStore, purgeWith(Clock.systemUTC()),
                new MessagingMetrics(new SimpleMeterRegistry()), tracing, kafkaTemplate, transaction,
                new MessagingProperties.Relay(true, Duration.ofHours(1), 7, Duration.ofSeconds(10),
                        Duration.ofHours(1)), Clock.systemUTC());
        relay.start();
        try {
            // The first poll runs at once; the next would come in an hour.
            await().atMost(Duration.ofSeconds(10)).until(() -> countingStore.backlogQueries.get() == 1);

            for (int i = 0; i < 5; i++) {
                transaction.executeWithoutResult(status -> outbox.add(new OrderCancelled(UUID.randomUUID(), "WOKEN")));
                relay.wakeUp();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> store.backlog().rows() == 0);
            relay.wakeUp();
            relay.stop(); // waits for the passes still queued

            assertThat(countingStore.backlogQueries).as("backlog queries").hasValue(1);
        } finally {
            relay.stop();
        }
    }

    /** The real store, counting its backlog queries. */
    private static final class BacklogCountingStore extends OutboxStore {

        final AtomicInteger backlogQueries = new AtomicInteger();

        BacklogCountingStore(JdbcClient jdbc) {
            super(jdbc, JsonMapper.builder().build());
        }

        @Override
        MessagingMetrics.Backlog backlog() {
            backlogQueries.incrementAndGet();
            return super.backlog();
        }
    }

    @Test
    void inboxAppliesAnEventOnceHoweverOftenItIsDelivered() {
        UUID order = UUID.randomUUID();
        EventEnvelope event = EventEnvelope.of(new OrderCancelled(order, "ONCE"), Instant.now(), null, null);
        try (KafkaTestClient kafka = KafkaTestClient.watching(Topics.ORDER_EVENTS)) {
            kafka.publish(event);
            kafka.publish(event);
            kafka.publish(event);
            kafka.publish(new OrderCancelled(order, "AFTER"));

            await().atMost(Duration.ofSeconds(20)).until(() -> handledReasons(order).contains("AFTER"));
            assertThat(handledReasons(order)).containsExactly("ONCE", "AFTER");
        }
    }

    @Test
    void sentRowsAndProcessedIdsArePurgedAfterTheRetention() {
        transaction.executeWithoutResult(status -> outbox.add(new OrderCancelled(UUID.randomUUID(), "OLD")));
        await().atMost(Duration.ofSeconds(10)).until(() -> store.backlog().rows() == 0);
        long sentBefore = jdbc.sql("SELECT count(*) FROM outbox_event").query(Long.class).single();
        assertThat(sentBefore).isPositive();

        Instant beforePurge = Instant.now();

        purgeWith(Clock.offset(Clock.systemUTC(), Duration.ofDays(8))).run();

        // The listener may still be recording events of other tests: only rows from before the purge count.
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE sent_at < ?")
                .param(Timestamp.from(beforePurge)).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE processed_at < ?")
                .param(Timestamp.from(beforePurge)).query(Long.class).single()).isZero();
    }

    private RetentionPurge purgeWith(Clock clock) {
        return new RetentionPurge(store, inbox, transaction, Duration.ofDays(7), clock.withZone(ZoneOffset.UTC));
    }

    private List<String> handledReasons(UUID order) {
        return handler.handled().stream().filter(event -> event.orderId().equals(order)).map(OrderCancelled::reason)
                .toList();
    }

    private static List<String> reasons(List<EventEnvelope> events) {
        return events.stream().map(event -> ((OrderCancelled) event.payload()).reason()).collect(Collectors.toList());
    }
}
