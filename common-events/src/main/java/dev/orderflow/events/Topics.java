package dev.orderflow.events;

/** The Kafka topics of the contract. Each topic has exactly one producing service. */
public final class Topics {

    /** Published by order-service: OrderPlaced, OrderConfirmed, OrderCancelled. */
    public static final String ORDER_EVENTS = "orders.events";

    /** Published by delivery-service: DeliveryScheduled, DeliveryFailed, DeliveryCancelled. */
    public static final String DELIVERY_EVENTS = "deliveries.events";

    private Topics() {
    }
}
