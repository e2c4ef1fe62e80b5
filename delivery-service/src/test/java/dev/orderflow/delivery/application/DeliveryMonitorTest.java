package dev.orderflow.delivery.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.orderflow.delivery.domain.CourierAssignment;
import dev.orderflow.delivery.domain.Delivery;
import dev.orderflow.delivery.domain.ServiceArea;
import dev.orderflow.testinfra.NoResourceTransactions;

/** A listener's batch that fails is applied again event by event: only the committed attempt may count. */
class DeliveryMonitorTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeliveryMonitor monitor = new DeliveryMonitor(registry);
    private final TransactionTemplate transaction = NoResourceTransactions.template();
    private final Delivery delivery = Delivery.decide(UUID.randomUUID(), "c-42", "KR", new ServiceArea(Set.of("KR")),
            new CourierAssignment(List.of("A"), 2), Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"),
                    ZoneOffset.UTC)).delivery();

    @Test
    void aDecisionRolledBackIsNotCountedAndTheOneCommittedIsCountedOnce() {
        transaction.executeWithoutResult(status -> {
            monitor.decided(delivery, "first attempt");
            status.setRollbackOnly();
        });
        assertThat(registry.find("orderflow.deliveries").counter()).isNull();

        transaction.executeWithoutResult(status -> monitor.decided(delivery, "applied again"));
        assertThat(registry.get("orderflow.deliveries").tag("status", "SCHEDULED").counter().count()).isEqualTo(1);
    }
}
