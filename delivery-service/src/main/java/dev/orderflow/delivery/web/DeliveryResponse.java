package dev.orderflow.delivery.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.orderflow.delivery.domain.Delivery;
import dev.orderflow.delivery.domain.DeliveryStatus;

public record DeliveryResponse(UUID id, UUID orderId, DeliveryStatus status, String failureReason, String courier,
                               LocalDate estimatedDeliveryDate, Instant createdAt, Instant updatedAt) {

    static DeliveryResponse of(Delivery delivery) {
        return new DeliveryResponse(delivery.id(), delivery.orderId(), delivery.status(),
                delivery.failureReason().orElse(null), delivery.courier().orElse(null),
                delivery.estimatedDeliveryDate().orElse(null), delivery.createdAt(), delivery.updatedAt());
    }
}
