package dev.orderflow.delivery.application;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.orderflow.delivery.domain.Deliveries;
import dev.orderflow.delivery.domain.Delivery;
import dev.orderflow.events.OrderCancelled;
import dev.orderflow.messaging.EventHandler;
import dev.orderflow.messaging.Outbox;

/** The order was cancelled: call off its delivery, or make sure none is ever scheduled. */
@Component
class OrderCancelledHandler implements EventHandler<OrderCancelled> {

    private static final Logger log = LoggerFactory.getLogger(OrderCancelledHandler.class);

    private final Deliveries deliveries;
    private final Outbox outbox;
    private final Clock clock;

    OrderCancelledHandler(Deliveries deliveries, Outbox outbox, Clock clock) {
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.clock = clock;
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
                    log.info("Delivery {} for order {} CANCELLED ({})", delivery.id(), order.orderId(),
                            order.reason());
                }),
                () -> {
                    Delivery.Decision decision = Delivery.cancelledBeforeScheduling(order.orderId(), clock.instant());
                    deliveries.add(decision.delivery());
                    outbox.add(decision.event());
                    log.info("Order {} cancelled before any delivery was scheduled; none will be", order.orderId());
                });
    }
}
