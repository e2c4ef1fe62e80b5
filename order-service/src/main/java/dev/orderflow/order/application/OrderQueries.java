package dev.orderflow.order.application;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderNotFound;
import dev.orderflow.order.domain.OrderSearch;
import dev.orderflow.order.domain.Orders;
import dev.orderflow.order.domain.ResultPage;

/** Reading orders as the caller may see them ({@link OrderAccessPolicy}). */
@Service
@Transactional(readOnly = true)
public class OrderQueries {

    private final Orders orders;
    private final OrderAccessPolicy access;

    OrderQueries(Orders orders, OrderAccessPolicy access) {
        this.orders = orders;
        this.access = access;
    }

    /** The order; one the caller may not see is not found, exactly like an id that does not exist. */
    public Order order(Caller caller, UUID orderId) {
        return orders.find(orderId).filter(order -> access.maySee(caller, order))
                .orElseThrow(() -> new OrderNotFound(orderId));
    }

    public ResultPage<Order> search(Caller caller, OrderSearch search) {
        return orders.search(access.visibleSearch(caller, search));
    }
}
