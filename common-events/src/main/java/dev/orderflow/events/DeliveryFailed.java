package dev.orderflow.events;

import java.util.UUID;

/** The delivery service cannot deliver the order; the order service compensates by cancelling it. */
public record DeliveryFailed(UUID orderId, UUID deliveryId, String reason) implements DomainEvent {

    public DeliveryFailed {
        Require.present(orderId, "orderId");
        Require.present(deliveryId, "deliveryId");
        Require.text(reason, "reason");
    }
}
