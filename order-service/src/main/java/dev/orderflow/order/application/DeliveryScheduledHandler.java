package dev.orderflow.order.application;

import java.time.Clock;

import org.springframework.stereotype.Component;

import dev.orderflow.events.DeliveryScheduled;
import dev.orderflow.messaging.EventHandler;
import dev.orderflow.messaging.Outbox;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.Orders;

/** A delivery was scheduled: the saga ends with a confirmed order. */
@Component
class DeliveryScheduledHandler implements EventHandler<DeliveryScheduled> {

    private final Orders orders;
    private final Outbox outbox;
    private final Clock clock;
    private final SagaMonitor monitor;

    DeliveryScheduledHandler(Orders orders, Outbox outbox, Clock clock, SagaMonitor monitor) {
        this.orders = orders;
        this.outbox = outbox;
        this.clock = clock;
        this.monitor = monitor;
    }

    @Override
    public Class<DeliveryScheduled> eventType() {
        return DeliveryScheduled.class;
    }

    @Override
    public void handle(DeliveryScheduled event) {
        Order order = orders.get(event.orderId());
        order.confirmDelivery(event, clock.instant()).ifPresentOrElse(
                confirmed -> {
                    outbox.add(confirmed);
                    monitor.confirmed(order);
                },
                () -> monitor.lateDecision(order, "DeliveryScheduled"));
    }
}
