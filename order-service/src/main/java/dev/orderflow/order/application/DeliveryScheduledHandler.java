package dev.orderflow.order.application;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.orderflow.events.DeliveryScheduled;
import dev.orderflow.messaging.EventHandler;
import dev.orderflow.messaging.Outbox;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.Orders;

/** A delivery was scheduled: the saga ends with a confirmed order. */
@Component
class DeliveryScheduledHandler implements EventHandler<DeliveryScheduled> {

    private static final Logger log = LoggerFactory.getLogger(DeliveryScheduledHandler.class);

    private final Orders orders;
    private final Outbox outbox;
    private final Clock clock;

    DeliveryScheduledHandler(Orders orders, Outbox outbox, Clock clock) {
        this.orders = orders;
        this.outbox = outbox;
        this.clock = clock;
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
                    log.info("Order {} CONFIRMED with delivery {}", order.id(), event.deliveryId());
                },
                () -> log.info("Order {} is {}: late DeliveryScheduled recorded, nothing changed", order.id(),
                        order.status()));
    }
}
