package dev.orderflow.events;

import java.time.LocalDate;
import java.util.UUID;

/** The delivery service accepted the order's address and assigned a courier. */
public record DeliveryScheduled(UUID orderId, UUID deliveryId, String courier, LocalDate estimatedDeliveryDate)
        implements DomainEvent {

    public DeliveryScheduled {
        Require.present(orderId, "orderId");
        Require.present(deliveryId, "deliveryId");
        Require.text(courier, "courier");
        Require.present(estimatedDeliveryDate, "estimatedDeliveryDate");
    }
}
