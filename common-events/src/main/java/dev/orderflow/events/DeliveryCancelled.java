package dev.orderflow.events;

import java.util.UUID;

/** A scheduled delivery was called off because its order was cancelled. */
public record DeliveryCancelled(UUID orderId, UUID deliveryId) implements DomainEvent {

    public DeliveryCancelled {
        Require.present(orderId, "orderId");
        Require.present(deliveryId, "deliveryId");
    }
}
