package dev.orderflow.audit;

import java.time.Instant;
import java.util.UUID;

/** What the auditor reads of a delivery. */
public record DeliveryView(UUID id, UUID orderId, String status, Instant updatedAt) {
}
