package dev.orderflow.order.application;

import java.time.Clock;

import org.springframework.stereotype.Component;

import dev.orderflow.events.DeliveryFailed;
import dev.orderflow.messaging.EventHandler;
import dev.orderflow.messaging.Outbox;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.Orders;

/** The saga's compensation: the delivery failed, so the order is cancelled with the delivery's reason. */
@Component
class DeliveryFailedHandler implements EventHandler<DeliveryFailed> {

    private final Orders orders;
    private final Outbox outbox;
    private final Clock clock;
    private final SagaMonitor monitor;

    DeliveryFailedHandler(Orders orders, Outbox outbox, Clock clock, SagaMonitor monitor) {
        this.orders = orders;
        this.outbox = outbox;
        this.clock = clock;
        this.monitor = monitor;
    }

    @Override
    public Class<DeliveryFailed> eventType() {
        return DeliveryFailed.class;
    }

    @Override
    public void handle(DeliveryFailed event) {
        Order order = orders.get(event.orderId());
        order.compensateFailedDelivery(event.reason(), clock.instant()).ifPresentOrElse(
                cancelled -> {
                    outbox.add(cancelled);
                    monitor.cancelled(order, true);
                },
                () -> monitor.lateDecision(order, "DeliveryFailed"));
    }
}
