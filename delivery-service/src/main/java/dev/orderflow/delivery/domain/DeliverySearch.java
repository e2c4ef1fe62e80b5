package dev.orderflow.delivery.domain;

/** Criteria of a delivery listing; null filters match everything. Pages count from 0. */
public record DeliverySearch(String customerId, DeliveryStatus status, int page, int size) {

    /** The same search, narrowed to one customer's deliveries. */
    public DeliverySearch ofCustomer(String customer) {
        return new DeliverySearch(customer, status, page, size);
    }
}
