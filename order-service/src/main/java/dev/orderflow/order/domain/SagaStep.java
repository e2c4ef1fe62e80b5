package dev.orderflow.order.domain;

/** What happened to an order, as shown in its history. */
public enum SagaStep {
    PLACED,
    CONFIRMED,
    CANCELLED,
    /** The delivery service cancelled the delivery of a cancelled order: the cascade is complete. */
    DELIVERY_CANCELLED,
    /** A delivery decision that came after the order was already decided; it changed nothing. */
    LATE_DELIVERY_SCHEDULED,
    LATE_DELIVERY_FAILED
}
