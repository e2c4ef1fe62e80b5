package dev.orderflow.events;

import java.util.UUID;

/**
 * The order was cancelled: by the customer, by the saga's compensation or by its deadline.
 * {@code reason} is an open set of codes (e.g. CUSTOMER_REQUEST, ADDRESS_NOT_SERVICEABLE, DELIVERY_TIMEOUT)
 * so that a new reason never breaks a consumer.
 */
public record OrderCancelled(UUID orderId, String reason) implements DomainEvent {

    public OrderCancelled {
        Require.present(orderId, "orderId");
        Require.text(reason, "reason");
    }
}
