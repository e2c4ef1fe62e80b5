package dev.orderflow.order.application;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Remembers which order each customer's Idempotency-Key created. */
public interface IdempotencyKeys {

    record Claim(String fingerprint, UUID orderId) {
    }

    /**
     * Claims the key for a new order inside the caller's transaction. Returns the earlier claim when the key
     * was used before (a concurrent claim waits until the first transaction ends); empty when the claim is new.
     */
    Optional<Claim> claim(String customerId, String key, String fingerprint, UUID newOrderId);

    /** Forgets keys claimed before the cutoff; returns how many. */
    int forgetClaimedBefore(Instant cutoff);
}
