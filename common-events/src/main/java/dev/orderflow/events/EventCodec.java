package dev.orderflow.events;

import static dev.orderflow.events.CloudEventHeaders.*;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Turns envelopes into CloudEvents-binary records and back. Thread-safe. */
public final class EventCodec {

    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // 2.7 items must not become 2: a payload the schema rejects is rejected here too.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    public EncodedEvent encode(EventEnvelope envelope) {
        EventType type = envelope.type();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, SPEC_VERSION_1_0);
        headers.put(ID, envelope.eventId().toString());
        headers.put(SOURCE, type.source());
        headers.put(TYPE, type.wireName());
        headers.put(TIME, envelope.occurredAt().toString());
        headers.put(SUBJECT, envelope.orderId().toString());
        headers.put(SCHEMA_VERSION, Integer.toString(envelope.schemaVersion()));
        headers.put(CONTENT_TYPE, JSON);
        putIfPresent(headers, CORRELATION_ID, envelope.correlationId());
        putIfPresent(headers, TRACEPARENT, envelope.traceparent());
        return new EncodedEvent(type.topic(), envelope.orderId().toString(), headers, toJson(envelope.payload()));
    }

    public byte[] toJson(DomainEvent payload) {
        return json.writeValueAsBytes(payload);
    }

    /** @throws EventDecodingException when the record can never be processed */
    public EventEnvelope decode(Map<String, String> headers, byte[] data) {
        EventType type = EventType.fromWireName(required(headers, TYPE))
                .orElseThrow(() -> new EventDecodingException("unknown event type " + headers.get(TYPE)));
        int schemaVersion = schemaVersion(headers, type);
        if (data == null) {
            throw new EventDecodingException(type.wireName() + " without a payload");
        }
        DomainEvent payload = fromJson(data, type);
        try {
            return new EventEnvelope(UUID.fromString(required(headers, ID)), schemaVersion,
                    Instant.parse(required(headers, TIME)), headers.get(CORRELATION_ID), headers.get(TRACEPARENT),
                    payload);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new EventDecodingException("malformed ce_id or ce_time: " + e.getMessage(), e);
        }
    }

    private DomainEvent fromJson(byte[] data, EventType type) {
        try {
            DomainEvent payload = json.readValue(data, type.payloadType());
            if (payload == null) {
                throw new EventDecodingException(type.wireName() + " payload is JSON null");
            }
            return payload;
        } catch (JacksonException e) {
            throw new EventDecodingException("invalid " + type.wireName() + " payload: " + rootMessage(e), e);
        }
    }

    private static int schemaVersion(Map<String, String> headers, EventType type) {
        String value = required(headers, SCHEMA_VERSION);
        try {
            int version = Integer.parseInt(value);
            if (version < 1 || version > type.schemaVersion()) {
                throw new EventDecodingException(type.wireName() + " v" + version + " is not supported (up to v"
                        + type.schemaVersion() + ")");
            }
            return version;
        } catch (NumberFormatException e) {
            throw new EventDecodingException("malformed " + SCHEMA_VERSION + ": " + value, e);
        }
    }

    private static String required(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new EventDecodingException("missing header " + name);
        }
        return value;
    }

    private static void putIfPresent(Map<String, String> headers, String name, String value) {
        if (value != null && !value.isBlank()) {
            headers.put(name, value);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : e.getMessage();
    }
}
