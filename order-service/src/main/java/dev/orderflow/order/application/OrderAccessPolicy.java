package dev.orderflow.order.application;

import static dev.orderflow.order.application.Caller.Role.CUSTOMER;
import static dev.orderflow.order.application.Caller.Role.OPERATOR;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderSearch;

/**
 * Who may do what with orders, in one place. A customer places orders for themself and reads, lists and cancels
 * only their own; an operator reads, lists and cancels every order but places none in somebody's name. To a
 * customer, another customer's order does not exist (404, as for an unknown id), so ids reveal nothing.
 * <p>
 * The web layer asks {@link #mayPlaceOrders} and {@link #mayUseOrders} before it reads a request (403 without
 * the role); the use cases apply the rest to the orders themselves.
 */
@Component
public class OrderAccessPolicy {

    /** {@code POST /orders}. */
    public boolean mayPlaceOrders(Caller caller) {
        return caller.is(CUSTOMER);
    }

    /** {@code GET /orders}, {@code GET /orders/{id}}, {@code POST /orders/{id}/cancel}: which orders, see below. */
    public boolean mayUseOrders(Caller caller) {
        return caller.is(CUSTOMER) || caller.is(OPERATOR);
    }

    /**
     * The customer of a new order: always the caller. A request may leave the customer out; one that names
     * another customer is refused rather than quietly placed for the caller, so a client's mistake is seen.
     */
    public String customerOfNewOrder(Caller caller, Optional<String> namedCustomer) {
        if (!mayPlaceOrders(caller)) {
            throw new AccessRefused("placing an order needs the role customer");
        }
        if (namedCustomer.isPresent() && !namedCustomer.get().equals(caller.subject())) {
            throw new AccessRefused("an order is placed for the caller: customerId must be left out or be the "
                    + "caller's own");
        }
        return caller.subject();
    }

    /** Whether the caller may read and cancel this order; to anyone else it is answered as unknown. */
    public boolean maySee(Caller caller, Order order) {
        return caller.is(OPERATOR) || caller.is(CUSTOMER) && order.customerId().equals(caller.subject());
    }

    /** A customer lists their own orders only (naming another customer is refused); an operator lists all. */
    public OrderSearch visibleSearch(Caller caller, OrderSearch requested) {
        if (caller.is(OPERATOR)) {
            return requested;
        }
        if (!caller.is(CUSTOMER)) {
            throw new AccessRefused("listing orders needs the role customer or operator");
        }
        if (requested.customerId() != null && !requested.customerId().equals(caller.subject())) {
            throw new AccessRefused("a customer lists only their own orders");
        }
        return requested.ofCustomer(caller.subject());
    }
}
