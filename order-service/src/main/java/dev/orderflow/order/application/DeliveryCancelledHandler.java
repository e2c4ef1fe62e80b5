package dev.orderflow.order.application;

import java.time.Clock;

import org.springframework.stereotype.Component;

import dev.orderflow.events.DeliveryCancelled;
import dev.orderflow.messaging.EventHandler;
import dev.orderflow.order.domain.Orders;

/** The delivery of a cancelled order was called off: the cancellation cascade is complete. */
@Component
class DeliveryCancelledHandler implements EventHandler<DeliveryCancelled> {

    private final Orders orders;
    private final Clock clock;

    DeliveryCancelledHandler(Orders orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    @Override
    public Class<DeliveryCancelled> eventType() {
        return DeliveryCancelled.class;
    }

    @Override
    public void handle(DeliveryCancelled event) {
        orders.get(event.orderId()).recordDeliveryCancelled(clock.instant());
    }
}
