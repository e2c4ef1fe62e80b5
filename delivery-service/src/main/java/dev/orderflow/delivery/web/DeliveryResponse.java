package dev.orderflow.delivery.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.orderflow.delivery.domain.Delivery;
import dev.orderflow.delivery.domain.DeliveryStatus;

/** A delivery as the API shows it; {@code customerId} is null while the delivery's customer is not known. */
public record DeliveryResponse(UUID id, UUID orderId, String customerId, DeliveryStatus status, String failureReason,
                               String courier, LocalDate estimatedDeliveryDate, Instant createdAt, Instant updatedAt) {

    static DeliveryResponse of(Delivery delivery) {
        return new DeliveryResponse(delivery.id(), delivery.orderId(), delivery.customerId().orElse(null),
                delivery.status(),
                delivery.failureReason().orElse(null), delivery.courier().orElse(null),
                delivery.estimatedDeliveryDate().orElse(null), delivery.createdAt(), delivery.updatedAt());
    }
}
