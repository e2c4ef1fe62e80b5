package dev.orderflow.order.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.orderflow.messaging.Outbox;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.Orders;

/**
 * No saga stays open forever: an order still PENDING after the deadline is cancelled with DELIVERY_TIMEOUT
 * and OrderCancelled goes out, so a delivery scheduled late is cancelled too. Each order expires in its own
 * transaction; one that a delivery decision changed meanwhile is simply left alone.
 */
@Component
class SagaDeadline {

    private static final Logger log = LoggerFactory.getLogger(SagaDeadline.class);
    private static final int BATCH = 200;

    private final Orders orders;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration deadline;
    private final SagaMonitor monitor;

    SagaDeadline(Orders orders, Outbox outbox, TransactionTemplate transaction, Clock clock,
                 @Value("${orderflow.saga.deadline}") Duration deadline, SagaMonitor monitor) {
        this.orders = orders;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
        this.deadline = deadline;
        this.monitor = monitor;
    }

    @Scheduled(fixedDelayString = "${orderflow.saga.deadline-check-interval}")
    void expireOverdueOrders() {
        Instant now = clock.instant();
        List<UUID> overdue = orders.pendingPlacedBefore(now.minus(deadline), BATCH);
        for (UUID orderId : overdue) {
            try {
                transaction.executeWithoutResult(status -> {
                    Order order = orders.get(orderId);
                    order.expire(now).ifPresent(cancelled -> {
                        outbox.add(cancelled);
                        monitor.cancelled(order, true);
                    });
                });
            } catch (OptimisticLockingFailureException decidedMeanwhile) {
                log.debug("Order {} changed while expiring; left as it is", orderId);
            }
        }
    }
}
