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
    private final OrderAccessPolicy access;
    private final IdempotencyKeys idempotencyKeys;
    private final Outbox outbox;
    private final Clock clock;
    private final SagaMonitor monitor;

    OrderPlacement(Orders orders, OrderAccessPolicy access, IdempotencyKeys idempotencyKeys, Outbox outbox, Clock clock,
                   SagaMonitor monitor) {
        this.orders = orders;
        this.access = access;
        this.idempotencyKeys = idempotencyKeys;
        this.outbox = outbox;
        this.clock = clock;
        this.monitor = monitor;
    }

    /** The order, and whether this call created it (false: a repeat of an earlier request). */
    public record Result(Order order, boolean created) {
    }

    /** Places the order for the caller; the Idempotency-Key is the caller's own (another may use the same). */
    @Transactional
    public Result place(Caller caller, PlaceOrder requested, Optional<String> idempotencyKey) {
        PlaceOrder request = requested.forCustomer(
                access.customerOfNewOrder(caller, Optional.ofNullable(requested.customerId())));
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
