package dev.orderflow.delivery.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.orderflow.delivery.domain.Delivery;
import dev.orderflow.messaging.AfterCommit;

/**
 * Each delivery decision, said once: an INFO line and the counter {@code orderflow.deliveries} by status, once
 * the decision has committed (a rolled-back attempt, such as a listener's failed batch, says nothing).
 */
@Component
class DeliveryMonitor {

    private static final Logger log = LoggerFactory.getLogger(DeliveryMonitor.class);

    private final MeterRegistry registry;

    DeliveryMonitor(MeterRegistry registry) {
        this.registry = registry;
    }

    void decided(Delivery delivery, String because) {
        String status = delivery.status().name();
        AfterCommit.run(() -> {
            Counter.builder("orderflow.deliveries").description("Delivery decisions, by resulting status")
                    .tag("status", status).register(registry).increment();
            log.info("Delivery {} for order {} {}: {}", delivery.id(), delivery.orderId(), status, because);
        });
    }
}
