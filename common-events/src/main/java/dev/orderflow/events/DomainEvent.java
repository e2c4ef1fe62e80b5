package dev.orderflow.events;

import java.util.UUID;

/**
 * A fact one service tells the others. Every event belongs to one order: its id is the Kafka key,
 * so all events of an order land on one partition and are consumed in the order they were published.
 */
public sealed interface DomainEvent
        permits OrderPlaced, OrderConfirmed, OrderCancelled, DeliveryScheduled, DeliveryFailed, DeliveryCancelled {

    UUID orderId();

    default EventType type() {
        return EventType.of(this);
    }
}
