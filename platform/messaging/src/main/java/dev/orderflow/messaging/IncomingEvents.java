package dev.orderflow.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.transaction.support.TransactionTemplate;

import dev.orderflow.events.DomainEvent;
import dev.orderflow.events.EventCodec;
import dev.orderflow.events.EventEnvelope;

/**
 * The one Kafka listener of a service: decodes each record, skips what the inbox has seen, and runs the
 * handler of its type in one transaction with the inbox record. A record that cannot be decoded throws
 * {@link dev.orderflow.events.EventDecodingException}, which the error handler dead-letters at once.
 */
public class IncomingEvents {

    private static final Logger log = LoggerFactory.getLogger(IncomingEvents.class);

    private final EventCodec codec;
    private final EventHandlers handlers;
    private final Inbox inbox;
    private final TransactionTemplate transaction;
    private final MessagingMetrics metrics;

    IncomingEvents(EventCodec codec, EventHandlers handlers, Inbox inbox, TransactionTemplate transaction,
                   MessagingMetrics metrics) {
        this.codec = codec;
        this.handlers = handlers;
        this.inbox = inbox;
        this.transaction = transaction;
        this.metrics = metrics;
    }

    @KafkaListener(id = "${spring.application.name}-events", topics = "#{@eventHandlers.topics()}")
    public void onRecord(ConsumerRecord<String, byte[]> record) {
        EventEnvelope event = codec.decode(headers(record), record.value());
        handlers.find(event.payload()).ifPresentOrElse(
                handler -> handleOnce(event, handler),
                () -> {
                    log.debug("No handler for {} {}: acknowledged", event.type().wireName(), event.eventId());
                    metrics.consumed(event.type().wireName(), "ignored");
                });
    }

    private void handleOnce(EventEnvelope event, EventHandler<DomainEvent> handler) {
        try (MessageContext.Scope ignored = MessageContext.open(event.correlationId(), event.traceparent())) {
            Boolean applied = transaction.execute(status -> {
                if (!inbox.recordFirstDelivery(event)) {
                    return false;
                }
                handler.handle(event.payload());
                return true;
            });
            if (Boolean.TRUE.equals(applied)) {
                metrics.consumed(event.type().wireName(), "applied");
            } else {
                log.info("Duplicate {} {} for order {} ignored", event.type().wireName(), event.eventId(),
                        event.orderId());
                metrics.consumed(event.type().wireName(), "duplicate");
            }
        }
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
