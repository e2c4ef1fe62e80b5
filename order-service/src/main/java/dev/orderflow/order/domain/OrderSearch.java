package dev.orderflow.order.domain;

/** Criteria of an order listing; null filters match everything. Pages count from 0. */
public record OrderSearch(String customerId, OrderStatus status, int page, int size) {

    /** The same search, narrowed to one customer's orders. */
    public OrderSearch ofCustomer(String customer) {
        return new OrderSearch(customer, status, page, size);
    }
}
