package dev.orderflow.order.application;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.orderflow.messaging.Outbox;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.Orders;

/** Places orders: the order and its OrderPlaced event commit together, at most once per Idempotency-Key. */
@Service
public class OrderPlacement {

    private final Orders orders;
    private final IdempotencyKeys idempotencyKeys;
    private final Outbox outbox;
    private final Clock clock;
    private final SagaMonitor monitor;

    OrderPlacement(Orders orders, IdempotencyKeys idempotencyKeys, Outbox outbox, Clock clock, SagaMonitor monitor) {
        this.orders = orders;
        this.idempotencyKeys = idempotencyKeys;
        this.outbox = outbox;
        this.clock = clock;
        this.monitor = monitor;
    }

    /** The order, and whether this call created it (false: a repeat of an earlier request). */
    public record Result(Order order, boolean created) {
    }

    @Transactional
    public Result place(PlaceOrder request, Optional<String> idempotencyKey) {
        UUID orderId = UUID.randomUUID();
        if (idempotencyKey.isPresent()) {
            String fingerprint = request.fingerprint();
            Optional<IdempotencyKeys.Claim> earlier = idempotencyKeys.claim(request.customerId(), idempotencyKey.get(),
                    fingerprint, orderId);
            if (earlier.isPresent()) {
                if (!earlier.get().fingerprint().equals(fingerprint)) {
                    throw new IdempotencyKeyReused(idempotencyKey.get());
                }
                return new Result(orders.get(earlier.get().orderId()), false);
            }
        }
        Order.Placement placement = Order.place(orderId, request.customerId(), request.lines(), request.address(),
                clock.instant());
        orders.add(placement.order());
        outbox.add(placement.event());
        monitor.placed(placement.order());
        return new Result(placement.order(), true);
    }
}
