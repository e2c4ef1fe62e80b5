package dev.orderflow.order.domain;

import java.util.UUID;

/** The state machine forbids the requested change, e.g. cancelling a cancelled order. */
public class OrderTransitionRejected extends RuntimeException {

    public OrderTransitionRejected(UUID orderId, OrderStatus from, OrderStatus to) {
        super("order " + orderId + " is " + from + " and cannot become " + to);
    }
}
