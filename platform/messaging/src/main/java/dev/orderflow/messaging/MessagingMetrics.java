package dev.orderflow.messaging;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import dev.orderflow.events.Topics;

/**
 * What the messaging machinery counts. Names follow Micrometer conventions (Prometheus adds units and
 * {@code _total}): see the metrics table in the README.
 */
public class MessagingMetrics {

    /** The outbox as the relay last saw it. */
    record Backlog(long rows, Duration oldestAge) {
        static final Backlog EMPTY = new Backlog(0, Duration.ZERO);
    }

    private final MeterRegistry registry;
    private final AtomicReference<Backlog> backlog = new AtomicReference<>(Backlog.EMPTY);

    MessagingMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("orderflow.outbox.backlog", backlog, current -> current.get().rows())
                .description("Outbox rows not yet published to Kafka")
                .baseUnit("rows")
                .register(registry);
        Gauge.builder("orderflow.outbox.oldest.age", backlog, current -> current.get().oldestAge().toMillis() / 1000.0)
                .description("Age of the oldest unpublished outbox row")
                .baseUnit("seconds")
                .register(registry);
        // Present from the start at 0, so dashboards and alerts see "no dead letters" rather than no data.
        Stream.of(Topics.ORDER_EVENTS, Topics.DELIVERY_EVENTS).forEach(this::deadLetterCounter);
    }

    void backlog(Backlog current) {
        backlog.set(current);
    }

    void published(String eventType, String topic) {
        Counter.builder("orderflow.events.published").description("Events published to Kafka by the outbox relay")
                .tag("type", eventType).tag("topic", topic)
                .register(registry).increment();
    }

    /** {@code outcome}: applied, duplicate (already in the inbox) or ignored (no handler for the type). */
    void consumed(String eventType, String outcome) {
        Counter.builder("orderflow.events.consumed").description("Events consumed from Kafka")
                .tag("type", eventType).tag("outcome", outcome)
                .register(registry).increment();
    }

    void deadLettered(String topic) {
        deadLetterCounter(topic).increment();
    }

    private Counter deadLetterCounter(String topic) {
        return Counter.builder("orderflow.events.dead.lettered").description("Records sent to a dead-letter topic")
                .tag("topic", topic)
                .register(registry);
    }
}
