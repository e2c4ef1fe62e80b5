package dev.orderflow.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event with the data every consumer needs beside the payload: a unique id (the consumers' deduplication
 * key), the schema version it was written with, when it happened, and the correlation and W3C trace
 * context of the request that caused it. Type and order id are the payload's own.
 */
public record EventEnvelope(UUID eventId, int schemaVersion, Instant occurredAt, String correlationId,
                            String traceparent, DomainEvent payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    /** A new event, written with the current schema version of its type. */
    public static EventEnvelope of(DomainEvent payload, Instant occurredAt, String correlationId, String traceparent) {
        return new EventEnvelope(UUID.randomUUID(), payload.type().schemaVersion(), occurredAt, correlationId,
                traceparent, payload);
    }

    public EventType type() {
        return payload.type();
    }

    public UUID orderId() {
        return payload.orderId();
    }
}
