package dev.orderflow.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.orderflow.events.DomainEvent;
import dev.orderflow.events.EncodedEvent;
import dev.orderflow.events.EventCodec;
import dev.orderflow.events.EventEnvelope;
import tools.jackson.databind.json.JsonMapper;

/** Writes events into the {@code outbox_event} table and wakes the relay once the transaction commits. */
class JdbcOutbox implements Outbox {

    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final JsonMapper json;
    private final Clock clock;
    private final OutboxRelay relay;
    private final EventTracing tracing;

    JdbcOutbox(JdbcClient jdbc, EventCodec codec, JsonMapper json, Clock clock, OutboxRelay relay,
               EventTracing tracing) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.json = json;
        this.clock = clock;
        this.relay = relay;
        this.tracing = tracing;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(DomainEvent event) {
        String correlationId = MessageContext.current().map(MessageContext.Current::correlationId).orElse(null);
        EventEnvelope envelope = EventEnvelope.of(event, clock.instant(), correlationId,
                tracing.currentTraceparent().orElse(null));
        EncodedEvent encoded = codec.encode(envelope);
        jdbc.sql("""
                        INSERT INTO outbox_event (event_id, event_type, topic, message_key, headers, payload)
                        VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?)""")
                .params(envelope.eventId(), envelope.type().wireName(), encoded.topic(), encoded.key(),
                        json.writeValueAsString(encoded.headers()), new String(encoded.data(), UTF_8))
                .update();
        // Publishing starts right after the commit instead of waiting for the next poll.
        AfterCommit.run(relay::wakeUp);
    }
}
