package dev.orderflow.order.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.orderflow.order.domain.DeliveryAddress;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderLine;
import dev.orderflow.testinfra.NoResourceTransactions;

/** A listener's batch that fails is applied again event by event: only the committed attempt may count. */
class SagaMonitorTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SagaMonitor monitor = new SagaMonitor(registry, Clock.fixed(NOW.plusMillis(40), ZoneOffset.UTC));
    private final TransactionTemplate transaction = NoResourceTransactions.template();
    private final Order order = Order.place(UUID.randomUUID(), "c-42",
            List.of(new OrderLine("p-1", 1, new BigDecimal("5.00"))),
            new DeliveryAddress("1 Main St", "Seoul", "04524", "KR"), NOW).order();

    @Test
    void aConfirmationRolledBackIsNotCountedAndTheOneCommittedIsCountedOnce() {
        transaction.executeWithoutResult(status -> {
            monitor.confirmed(order);
            status.setRollbackOnly();
        });
        assertThat(registry.find("orderflow.orders.confirmed").counter()).isNull();
        assertThat(registry.find("orderflow.saga.duration").timer()).isNull();

        transaction.executeWithoutResult(status -> monitor.confirmed(order));
        assertThat(registry.get("orderflow.orders.confirmed").counter().count()).isEqualTo(1);
        assertThat(registry.get("orderflow.saga.duration").timer().count()).isEqualTo(1);
    }

    @Test
    void aCancellationRolledBackIsNotCounted() {
        transaction.executeWithoutResult(status -> {
            monitor.cancelled(order, true);
            status.setRollbackOnly();
        });
        assertThat(registry.find("orderflow.orders.cancelled").counter()).isNull();
    }
}
