package dev.orderflow.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka in id order and marks them sent, on one thread of its own. It runs when a
 * commit wakes it and every poll interval, when it also measures the backlog for the gauges; it deletes old rows
 * every purge interval.
 *
 * <p>At least once: a crash after sending and before marking sends the batch again, and consumers drop
 * the duplicates in their inbox. A batch whose sends fail is not marked and goes again at the next poll.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final RetentionPurge retentionPurge;
    private final MessagingMetrics metrics;
    private final EventTracing tracing;
    private final KafkaTemplate<String, byte[]> kafka;
    private final TransactionTemplate transaction;
    private final MessagingProperties.Relay settings;
    private final Clock clock;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private volatile ScheduledExecutorService worker;

    OutboxRelay(OutboxStore store, RetentionPurge retentionPurge, MessagingMetrics metrics, EventTracing tracing,
                KafkaTemplate<String, byte[]> kafka, TransactionTemplate transaction, MessagingProperties.Relay settings,
                Clock clock) {
        this.store = store;
        this.retentionPurge = retentionPurge;
        this.metrics = metrics;
        this.tracing = tracing;
        this.kafka = kafka;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
    }

    /** Asks for a relay pass soon; passes requested while one is pending are merged into it. */
    public void wakeUp() {
        ScheduledExecutorService current = worker;
        if (current != null && wakeUpPending.compareAndSet(false, true)) {
            try {
                current.execute(this::relayPending);
            } catch (RejectedExecutionException stopping) {
                wakeUpPending.set(false);
            }
        }
    }

    private void relayPending() {
        wakeUpPending.set(false);
        try {
            while (relayBatch() == settings.batchSize()) {
                // a full batch: there may be more right behind it
            }
        } catch (RuntimeException e) {
            log.warn("Outbox relay pass failed, retrying at the next poll: {}", e.toString());
        }
    }

    /**
     * The scheduled pass, which also measures what is left. Only here: measured after every pass a commit woke,
     * it was a sixth of the relay's statements (three per saga), for gauges read every few seconds.
     */
    private void poll() {
        relayPending();
        try {
            metrics.backlog(store.backlog());
        } catch (RuntimeException e) {
            log.warn("Outbox backlog could not be measured, trying again at the next poll: {}", e.toString());
        }
    }

    /** One transaction: take the leadership lock, send a batch, wait for every acknowledgement, mark it. */
    int relayBatch() {
        Integer sent = transaction.execute(status -> {
            if (!store.tryLeadership()) {
                return 0;
            }
            List<OutboxRow> rows = store.nextUnsent(settings.batchSize());
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<?>> acknowledgements = new ArrayList<>(rows.size());
            rows.forEach(row -> acknowledgements.add(tracing.publishing(row, () -> send(row))));
            awaitAcknowledgements(acknowledgements);
            store.markSent(rows.stream().map(OutboxRow::id).toList(), clock.instant());
            rows.forEach(row -> metrics.published(row.eventType(), row.topic()));
            return rows.size();
        });
        return sent == null ? 0 : sent;
    }

    private CompletableFuture<?> send(OutboxRow row) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(),
                row.payload().getBytes(UTF_8));
        row.headers().forEach((name, value) -> record.headers().add(new RecordHeader(name, value.getBytes(UTF_8))));
        return kafka.send(record);
    }

    private void awaitAcknowledgements(List<CompletableFuture<?>> acknowledgements) {
        try {
            CompletableFuture.allOf(acknowledgements.toArray(CompletableFuture[]::new))
                    .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the outbox", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the outbox batch", e);
        }
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            log.warn("Outbox relay disabled (orderflow.messaging.relay.enabled=false): events stay in the outbox");
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                runnable -> Thread.ofPlatform().name("outbox-relay").daemon().unstarted(runnable));
        worker = executor;
        executor.scheduleWithFixedDelay(this::poll, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(retentionPurge::run, settings.purgeInterval().toMillis(),
                settings.purgeInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = worker;
        worker = null;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
