package dev.orderflow.order.application;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.orderflow.messaging.Outbox;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderStatus;
import dev.orderflow.order.domain.Orders;

/** The customer cancels an order; the delivery service hears of it through OrderCancelled. */
@Service
public class OrderCancellation {

    private final Orders orders;
    private final Outbox outbox;
    private final Clock clock;
    private final SagaMonitor monitor;

    OrderCancellation(Orders orders, Outbox outbox, Clock clock, SagaMonitor monitor) {
        this.orders = orders;
        this.outbox = outbox;
        this.clock = clock;
        this.monitor = monitor;
    }

    @Transactional
    public Order cancel(UUID orderId) {
        Order order = orders.get(orderId);
        boolean sagaWasOpen = order.status() == OrderStatus.PENDING;
        outbox.add(order.cancelOnCustomerRequest(clock.instant()));
        monitor.cancelled(order, sagaWasOpen);
        return order;
    }
}
