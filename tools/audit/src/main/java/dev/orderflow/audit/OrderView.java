package dev.orderflow.audit;

import java.time.Instant;
import java.util.UUID;

/** What the auditor reads of an order. */
public record OrderView(UUID id, String status, String cancellationReason, UUID deliveryId, Instant createdAt,
                        Instant updatedAt) {
}
