package dev.orderflow.order.application;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.orderflow.events.DeliveryFailed;
import dev.orderflow.messaging.EventHandler;
import dev.orderflow.messaging.Outbox;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.Orders;

/** The saga's compensation: the delivery failed, so the order is cancelled with the delivery's reason. */
@Component
class DeliveryFailedHandler implements EventHandler<DeliveryFailed> {

    private static final Logger log = LoggerFactory.getLogger(DeliveryFailedHandler.class);

    private final Orders orders;
    private final Outbox outbox;
    private final Clock clock;

    DeliveryFailedHandler(Orders orders, Outbox outbox, Clock clock) {
        this.orders = orders;
        this.outbox = outbox;
        this.clock = clock;
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
                    log.info("Order {} CANCELLED: delivery failed with {}", order.id(), event.reason());
                },
                () -> log.info("Order {} is {}: late DeliveryFailed recorded, nothing changed", order.id(),
                        order.status()));
    }
}
