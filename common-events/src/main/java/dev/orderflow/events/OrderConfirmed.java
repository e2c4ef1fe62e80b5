package dev.orderflow.events;

import java.util.UUID;

/** The saga ended well: the order is confirmed with the delivery that was scheduled for it. */
public record OrderConfirmed(UUID orderId, UUID deliveryId) implements DomainEvent {

    public OrderConfirmed {
        Require.present(orderId, "orderId");
        Require.present(deliveryId, "deliveryId");
    }
}
