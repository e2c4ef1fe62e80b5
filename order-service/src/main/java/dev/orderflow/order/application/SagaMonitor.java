package dev.orderflow.order.application;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.orderflow.messaging.AfterCommit;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderStatus;

/**
 * Each saga state change, said once: an INFO line with the order id and reason, and the metrics
 * {@code orderflow.orders.placed|confirmed|cancelled} and {@code orderflow.saga.duration} (placed to final state),
 * once the change has committed: a rolled-back attempt (a listener's failed batch, applied again) says nothing.
 */
@Component
public class SagaMonitor {

    private static final Logger log = LoggerFactory.getLogger(SagaMonitor.class);

    private final MeterRegistry registry;
    private final Clock clock;
    private final Counter placed;

    SagaMonitor(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.placed = Counter.builder("orderflow.orders.placed").description("Orders placed").register(registry);
    }

    void placed(Order order) {
        AfterCommit.run(() -> {
            placed.increment();
            log.info("Order {} PENDING: placed by {} for {} to {}", order.id(), order.customerId(),
                    order.totalAmount(), order.deliveryAddress().country());
        });
    }

    void confirmed(Order order) {
        UUID deliveryId = order.deliveryId().orElse(null);
        AfterCommit.run(() -> {
            Counter.builder("orderflow.orders.confirmed").description("Orders confirmed").register(registry)
                    .increment();
            sagaEnded(order, "confirmed");
            log.info("Order {} CONFIRMED: delivery {}", order.id(), deliveryId);
        });
    }

    /** {@code sagaWasOpen}: false when a confirmed order is cancelled, whose saga had already ended. */
    void cancelled(Order order, boolean sagaWasOpen) {
        String reason = order.cancellationReason().orElse("UNKNOWN");
        AfterCommit.run(() -> {
            Counter.builder("orderflow.orders.cancelled").description("Orders cancelled, by reason")
                    .tag("reason", reason).register(registry).increment();
            if (sagaWasOpen) {
                sagaEnded(order, "cancelled");
            }
            log.info("Order {} CANCELLED: {}", order.id(), reason);
        });
    }

    void lateDecision(Order order, String decision) {
        OrderStatus status = order.status();
        AfterCommit.run(() -> log.info("Order {} is {}: late {} recorded, nothing changed", order.id(), status,
                decision));
    }

    private void sagaEnded(Order order, String outcome) {
        Timer.builder("orderflow.saga.duration").description("Time from order placed to its final state")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.9, 0.99)
                .register(registry)
                .record(Duration.between(order.createdAt(), clock.instant()));
    }
}
