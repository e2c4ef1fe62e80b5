package dev.orderflow.order.domain;

/** PENDING -> CONFIRMED | CANCELLED, CONFIRMED -> CANCELLED; CANCELLED is final. */
public enum OrderStatus {
    PENDING, CONFIRMED, CANCELLED;

    boolean canBecome(OrderStatus next) {
        return switch (this) {
            case PENDING -> next == CONFIRMED || next == CANCELLED;
            case CONFIRMED -> next == CANCELLED;
            case CANCELLED -> false;
        };
    }
}
