package dev.orderflow.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One fixed, realistic event of every type: what the golden files hold. The {@code switch} has no default,
 * so a new event type does not compile here until it has a sample (and then needs a schema and a golden file).
 */
final class SampleEvents {

    static final UUID ORDER_ID = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    static final UUID DELIVERY_ID = UUID.fromString("0b6a3f2e-9d41-4c8a-b7e5-2f1d9c3a8e64");
    static final UUID EVENT_ID = UUID.fromString("5b1e7d2a-8c3f-4e6b-9a0d-1f2e3c4b5a69");
    static final Instant OCCURRED_AT = Instant.parse("2025-06-02T09:30:15.123Z");
    static final String CORRELATION_ID = "checkout-7f3a9c";
    static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private SampleEvents() {
    }

    static DomainEvent payload(EventType type) {
        return switch (type) {
            case ORDER_PLACED -> new OrderPlaced(ORDER_ID, "customer-4711",
                    List.of(new OrderPlaced.Item("SKU-COFFEE-250G", 2, new BigDecimal("8.95")),
                            new OrderPlaced.Item("SKU-FILTER-100", 1, new BigDecimal("3.49"))),
                    new BigDecimal("21.39"),
                    new OrderPlaced.DeliveryAddress("Hauptstraße 12", "Berlin", "10115", "DE"));
            case ORDER_CONFIRMED -> new OrderConfirmed(ORDER_ID, DELIVERY_ID);
            case ORDER_CANCELLED -> new OrderCancelled(ORDER_ID, "DELIVERY_TIMEOUT");
            case DELIVERY_SCHEDULED -> new DeliveryScheduled(ORDER_ID, DELIVERY_ID, "courier-berlin-mitte-07",
                    LocalDate.of(2025, 6, 5));
            case DELIVERY_FAILED -> new DeliveryFailed(ORDER_ID, DELIVERY_ID, "no courier serves postal code 10115");
            case DELIVERY_CANCELLED -> new DeliveryCancelled(ORDER_ID, DELIVERY_ID);
        };
    }

    static EventEnvelope envelope(EventType type) {
        return new EventEnvelope(EVENT_ID, type.schemaVersion(), OCCURRED_AT, CORRELATION_ID, TRACEPARENT,
                payload(type));
    }
}
