package dev.orderflow.messaging;

import java.util.Optional;

import org.slf4j.MDC;

/**
 * The correlation id and W3C trace context of the work in progress on this thread: the HTTP request or the
 * event being handled. Events added to the outbox carry them on, so one id follows a saga across services.
 */
public final class MessageContext {

    public static final String CORRELATION_ID_MDC_KEY = "correlationId";

    private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

    private MessageContext() {
    }

    public record Current(String correlationId, String traceparent) {
    }

    /** Makes the ids current until the returned scope is closed. */
    public static Scope open(String correlationId, String traceparent) {
        Current previous = CURRENT.get();
        CURRENT.set(new Current(correlationId, traceparent));
        if (correlationId != null) {
            MDC.put(CORRELATION_ID_MDC_KEY, correlationId);
        }
        return () -> {
            if (previous == null) {
                CURRENT.remove();
                MDC.remove(CORRELATION_ID_MDC_KEY);
            } else {
                CURRENT.set(previous);
                MDC.put(CORRELATION_ID_MDC_KEY, previous.correlationId());
            }
        };
    }

    public static Optional<Current> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
