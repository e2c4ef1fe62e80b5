package dev.orderflow.order.application;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.orderflow.messaging.Outbox;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderNotFound;
import dev.orderflow.order.domain.OrderStatus;
import dev.orderflow.order.domain.Orders;

/**
 * The customer, or an operator, cancels an order; the delivery service hears of it through OrderCancelled. The
 * reason says who asked: CUSTOMER_REQUEST when it is the order's customer, OPERATOR_REQUEST when an operator
 * cancels somebody else's order.
 */
@Service
public class OrderCancellation {

    private final Orders orders;
    private final OrderAccessPolicy access;
    private final Outbox outbox;
    private final Clock clock;
    private final SagaMonitor monitor;

    OrderCancellation(Orders orders, OrderAccessPolicy access, Outbox outbox, Clock clock, SagaMonitor monitor) {
        this.orders = orders;
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
        this.monitor = monitor;
    }

    @Transactional
    public Order cancel(Caller caller, UUID orderId) {
        Order order = orders.find(orderId).filter(found -> access.maySee(caller, found))
                .orElseThrow(() -> new OrderNotFound(orderId));
        boolean sagaWasOpen = order.status() == OrderStatus.PENDING;
        outbox.add(order.customerId().equals(caller.subject())
                ? order.cancelOnCustomerRequest(clock.instant())
                : order.cancelOnOperatorRequest(clock.instant()));
        monitor.cancelled(order, sagaWasOpen);
        return order;
    }
}
