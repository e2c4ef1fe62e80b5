package dev.orderflow.audit;

import java.util.UUID;

/** One thing the saga got wrong, about one order. */
public record Finding(Kind kind, UUID orderId, String detail) {

    public enum Kind {
        /** No delivery decision exists although the order's deadline has passed. */
        LOST,
        /** Order and delivery disagree: CONFIRMED without a scheduled delivery, CANCELLED with one, ... */
        INCONSISTENT,
        /** More than one delivery for one order. */
        DUPLICATED,
        /** Still PENDING after its deadline. */
        STUCK
    }
}
