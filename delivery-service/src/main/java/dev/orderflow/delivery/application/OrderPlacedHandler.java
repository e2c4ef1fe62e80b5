package dev.orderflow.delivery.application;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.orderflow.delivery.domain.Deliveries;
import dev.orderflow.delivery.domain.Delivery;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.messaging.EventHandler;
import dev.orderflow.messaging.Outbox;

/** A new order: schedule its delivery, or record why it cannot be delivered. Either way, say so. */
@Component
class OrderPlacedHandler implements EventHandler<OrderPlaced> {

    private final Deliveries deliveries;
    private final Outbox outbox;
    private final DeliveryPolicy policy;
    private final Clock clock;
    private final DeliveryMonitor monitor;

    OrderPlacedHandler(Deliveries deliveries, Outbox outbox, DeliveryPolicy policy, Clock clock,
                       DeliveryMonitor monitor) {
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.policy = policy;
        this.clock = clock;
        this.monitor = monitor;
    }

    @Override
    public Class<OrderPlaced> eventType() {
        return OrderPlaced.class;
    }

    @Override
    public void handle(OrderPlaced order) {
        Optional<Delivery> recorded = deliveries.findByOrder(order.orderId());
        if (recorded.isPresent()) {
            // The order was cancelled before its OrderPlaced arrived: nothing to schedule, but now it is known whose
            // cancelled delivery it is.
            recorded.get().identifyCustomer(order.customerId());
            return;
        }
        Delivery.Decision decision = Delivery.decide(order.orderId(), order.customerId(),
                order.deliveryAddress().country(), policy.area(), policy.courierAssignment(), clock);
        deliveries.add(decision.delivery());
        outbox.add(decision.event());
        monitor.decided(decision.delivery(), "to " + order.deliveryAddress().country()
                + decision.delivery().failureReason().map(reason -> " (" + reason + ")").orElse(""));
    }
}
