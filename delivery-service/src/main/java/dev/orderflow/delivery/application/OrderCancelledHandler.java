package dev.orderflow.delivery.application;

import java.time.Clock;

import org.springframework.stereotype.Component;

import dev.orderflow.delivery.domain.Deliveries;
import dev.orderflow.delivery.domain.Delivery;
import dev.orderflow.events.OrderCancelled;
import dev.orderflow.messaging.EventHandler;
import dev.orderflow.messaging.Outbox;

/** The order was cancelled: call off its delivery, or make sure none is ever scheduled. */
@Component
class OrderCancelledHandler implements EventHandler<OrderCancelled> {

    private final Deliveries deliveries;
    private final Outbox outbox;
    private final Clock clock;
    private final DeliveryMonitor monitor;

    OrderCancelledHandler(Deliveries deliveries, Outbox outbox, Clock clock, DeliveryMonitor monitor) {
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.clock = clock;
        this.monitor = monitor;
    }

    @Override
    public Class<OrderCancelled> eventType() {
        return OrderCancelled.class;
    }

    @Override
    public void handle(OrderCancelled order) {
        deliveries.findByOrder(order.orderId()).ifPresentOrElse(
                delivery -> delivery.cancel(clock.instant()).ifPresent(cancelled -> {
                    outbox.add(cancelled);
                    monitor.decided(delivery, "order cancelled (" + order.reason() + ")");
                }),
                () -> {
                    Delivery.Decision decision = Delivery.cancelledBeforeScheduling(order.orderId(), clock.instant());
                    deliveries.add(decision.delivery());
                    outbox.add(decision.event());
                    monitor.decided(decision.delivery(), "order cancelled (" + order.reason()
                            + ") before any delivery was scheduled; none will be");
                });
    }
}
