package dev.orderflow.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionTemplate;

import dev.orderflow.events.DomainEvent;
import dev.orderflow.events.EventCodec;
import dev.orderflow.events.EventEnvelope;

/**
 * The one Kafka listener of a service: decodes each record, skips what the inbox has seen, and runs the
 * handler of its type in one transaction with the inbox record.
 *
 * <p>It takes what one poll returned as a batch and applies it in a single transaction: under load the events
 * queue up while a batch is applied, so one commit, one transaction setup and one offset commit carry several
 * saga steps instead of one each. If anything in the batch fails, nothing of it is kept and its events are
 * applied again one transaction each; the first one that fails alone is reported to the error handler as
 * {@link BatchListenerFailedException}, which commits the offsets before it and retries or dead-letters it as
 * it would a single record. A record that cannot be decoded throws
 * {@link dev.orderflow.events.EventDecodingException}, which the error handler dead-letters at once.
 */
public class IncomingEvents {

    private static final Logger log = LoggerFactory.getLogger(IncomingEvents.class);

    private final EventCodec codec;
    private final EventHandlers handlers;
    private final Inbox inbox;
    private final TransactionTemplate transaction;
    private final EventTracing tracing;
    private final MessagingMetrics metrics;

    IncomingEvents(EventCodec codec, EventHandlers handlers, Inbox inbox, TransactionTemplate transaction,
                   EventTracing tracing, MessagingMetrics metrics) {
        this.codec = codec;
        this.handlers = handlers;
        this.inbox = inbox;
        this.transaction = transaction;
        this.tracing = tracing;
        this.metrics = metrics;
    }

    @KafkaListener(id = "${spring.application.name}-events", topics = "#{@eventHandlers.topics()}", batch = "true")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        if (records.size() > 1) {
            try {
                applyTogether(records);
                return;
            } catch (RuntimeException e) {
                log.debug("A batch of {} events failed ({}); applying them one by one", records.size(), e.toString());
            }
        }
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                applyTogether(List.of(record));
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException(e.getMessage(), e, record);
            }
        }
    }

    /** Applies the records in one transaction; each is counted, and a duplicate logged, once it has committed. */
    private void applyTogether(List<ConsumerRecord<String, byte[]>> records) {
        transaction.executeWithoutResult(status -> records.forEach(this::apply));
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = headers(record);
        EventEnvelope event = codec.decode(headers, record.value());
        String type = event.type().wireName();
        try (MessageContext.Scope ignored = MessageContext.open(event.correlationId(), event.traceparent())) {
            handlers.find(event.payload()).ifPresentOrElse(
                    handler -> tracing.consuming(record.topic(), headers.get(EventTracing.TRACEPARENT),
                            () -> handleOnce(event, handler)),
                    () -> AfterCommit.run(() -> {
                        log.debug("No handler for {} {}: acknowledged", type, event.eventId());
                        metrics.consumed(type, "ignored");
                    }));
        }
    }

    private void handleOnce(EventEnvelope event, EventHandler<DomainEvent> handler) {
        String type = event.type().wireName();
        if (!inbox.recordFirstDelivery(event)) {
            AfterCommit.run(() -> {
                log.info("Duplicate {} {} for order {} ignored", type, event.eventId(), event.orderId());
                metrics.consumed(type, "duplicate");
            });
            return;
        }
        handler.handle(event.payload());
        AfterCommit.run(() -> metrics.consumed(type, "applied"));
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), UTF_8));
            }
        }
        return headers;
    }
}
