package dev.orderflow.order.application;

/** The Idempotency-Key was already used by this customer for a different request. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different request");
    }
}
