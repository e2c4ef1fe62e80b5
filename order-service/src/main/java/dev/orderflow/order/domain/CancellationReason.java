package dev.orderflow.order.domain;

/**
 * Why an order was cancelled: by the customer, by an operator, by the saga deadline, or the reason the delivery
 * service gave for failing (an open set of codes such as {@code ADDRESS_NOT_SERVICEABLE}).
 */
public final class CancellationReason {

    public static final String CUSTOMER_REQUEST = "CUSTOMER_REQUEST";
    /** An operator cancelled a customer's order. */
    public static final String OPERATOR_REQUEST = "OPERATOR_REQUEST";
    public static final String DELIVERY_TIMEOUT = "DELIVERY_TIMEOUT";

    private CancellationReason() {
    }
}
