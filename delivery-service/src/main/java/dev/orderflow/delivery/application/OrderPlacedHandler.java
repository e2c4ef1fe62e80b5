package dev.orderflow.delivery.application;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.orderflow.delivery.domain.Deliveries;
import dev.orderflow.delivery.domain.Delivery;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.messaging.EventHandler;
import dev.orderflow.messaging.Outbox;

/** A new order: schedule its delivery, or record why it cannot be delivered. Either way, say so. */
@Component
class OrderPlacedHandler implements EventHandler<OrderPlaced> {

    private static final Logger log = LoggerFactory.getLogger(OrderPlacedHandler.class);

    private final Deliveries deliveries;
    private final Outbox outbox;
    private final DeliveryPolicy policy;
    private final Clock clock;

    OrderPlacedHandler(Deliveries deliveries, Outbox outbox, DeliveryPolicy policy, Clock clock) {
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Class<OrderPlaced> eventType() {
        return OrderPlaced.class;
    }

    @Override
    public void handle(OrderPlaced order) {
        if (deliveries.findByOrder(order.orderId()).isPresent()) {
            log.info("Order {} already has a delivery; OrderPlaced ignored", order.orderId());
            return;
        }
        Delivery.Decision decision = Delivery.decide(order.orderId(), order.deliveryAddress().country(),
                policy.area(), policy.courierAssignment(), clock);
        deliveries.add(decision.delivery());
        outbox.add(decision.event());
        log.info("Delivery {} for order {}: {}", decision.delivery().id(), order.orderId(),
                decision.delivery().status());
    }
}
