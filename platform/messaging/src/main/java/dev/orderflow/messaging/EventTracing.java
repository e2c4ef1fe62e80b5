package dev.orderflow.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import dev.orderflow.events.CloudEventHeaders;

/**
 * Keeps one trace across the outbox and Kafka. The trace context of the transaction that adds an event is
 * stored with it ({@code ce_traceparent}); the relay publishes the row inside a span that continues that
 * context, so the Kafka producer observation writes a {@code traceparent} header; the consumer processes the
 * record inside a span that continues that header.
 */
class EventTracing {

    static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    /** Both null when tracing is not on the classpath: then the HTTP request's traceparent is passed on as is. */
    EventTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The W3C traceparent of the current span, else the one the request or event came with. */
    Optional<String> currentTraceparent() {
        if (tracer != null && tracer.currentSpan() != null) {
            Map<String, String> carrier = new HashMap<>();
            propagator.inject(tracer.currentSpan().context(), carrier, Map::put);
            if (carrier.containsKey(TRACEPARENT)) {
                return Optional.of(carrier.get(TRACEPARENT));
            }
        }
        return MessageContext.current().map(MessageContext.Current::traceparent);
    }

    /** Runs the send of one row in a span that continues the row's stored trace. */
    <T> T publishing(OutboxRow row, Supplier<T> send) {
        String traceparent = row.headers().get(CloudEventHeaders.TRACEPARENT);
        if (tracer == null || traceparent == null) {
            return send.get();
        }
        return inSpan(continuing(traceparent).name("outbox relay " + row.eventType()), row.topic(), send);
    }

    /**
     * Runs the processing of one consumed record in a consumer span that continues the producer's trace from
     * the record's {@code traceparent} header (a new trace without one). The listener consumes batches, which
     * spring-kafka's container does not observe, so the span is made here, one per record.
     */
    void consuming(String topic, String traceparent, Runnable processing) {
        if (tracer == null) {
            processing.run();
            return;
        }
        Span.Builder span = traceparent == null ? tracer.spanBuilder() : continuing(traceparent);
        inSpan(span.name("process " + topic).kind(Span.Kind.CONSUMER).tag("messaging.system", "kafka"), topic,
                () -> {
                    processing.run();
                    return null;
                });
    }

    private Span.Builder continuing(String traceparent) {
        return propagator.extract(traceparent, (carrier, key) -> TRACEPARENT.equals(key) ? carrier : null);
    }

    private <T> T inSpan(Span.Builder builder, String topic, Supplier<T> work) {
        Span span = builder.tag("messaging.destination.name", topic).start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
