package dev.orderflow.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orderflow.events.DeliveryCancelled;
import dev.orderflow.events.DeliveryFailed;
import dev.orderflow.events.DeliveryScheduled;

class DeliveryTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private static final ServiceArea AREA = new ServiceArea(Set.of("KR", "de"));
    private static final CourierAssignment COURIERS = new CourierAssignment(List.of("A", "B", "C"), 2);

    private final UUID orderId = UUID.randomUUID();

    @Test
    void orderInTheServiceAreaIsScheduledWithACourierAndDate() {
        Delivery.Decision decision = Delivery.decide(orderId, "c-42", "KR", AREA, COURIERS, CLOCK);

        Delivery delivery = decision.delivery();
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.SCHEDULED);
        assertThat(delivery.courier()).contains(COURIERS.courierFor(orderId));
        assertThat(delivery.estimatedDeliveryDate()).contains(LocalDate.of(2026, 11, 27));
        assertThat(decision.event()).isEqualTo(new DeliveryScheduled(orderId, delivery.id(),
                delivery.courier().orElseThrow(), LocalDate.of(2026, 11, 27)));
    }

    @Test
    void orderOutsideTheServiceAreaFailsWithAddressNotServiceable() {
        Delivery.Decision decision = Delivery.decide(orderId, "c-42", "AQ", AREA, COURIERS, CLOCK);

        assertThat(decision.delivery().status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(decision.event()).isEqualTo(new DeliveryFailed(orderId, decision.delivery().id(),
                FailureReason.ADDRESS_NOT_SERVICEABLE));
        assertThat(decision.delivery().courier()).isEmpty();
    }

    @Test
    void serviceAreaIgnoresCase() {
        assertThat(AREA.covers("DE")).isTrue();
        assertThat(AREA.covers("kr")).isTrue();
        assertThat(AREA.covers("US")).isFalse();
        assertThat(AREA.covers(null)).isFalse();
    }

    @Test
    void onlyAScheduledDeliveryCanBeCancelled() {
        Delivery scheduled = Delivery.decide(orderId, "c-42", "KR", AREA, COURIERS, CLOCK).delivery();
        Delivery failed = Delivery.decide(UUID.randomUUID(), "c-42", "AQ", AREA, COURIERS, CLOCK).delivery();

        assertThat(scheduled.cancel(CLOCK.instant())).contains(new DeliveryCancelled(orderId, scheduled.id()));
        assertThat(scheduled.status()).isEqualTo(DeliveryStatus.CANCELLED);
        assertThat(scheduled.cancel(CLOCK.instant())).isEmpty();
        assertThat(failed.cancel(CLOCK.instant())).isEmpty();
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
    }

    @Test
    void aDeliveryIsForTheCustomerOfItsOrder() {
        assertThat(Delivery.decide(orderId, "c-42", "KR", AREA, COURIERS, CLOCK).delivery().customerId())
                .contains("c-42");
        assertThat(Delivery.decide(orderId, "c-42", "AQ", AREA, COURIERS, CLOCK).delivery().customerId())
                .contains("c-42");
    }

    @Test
    void aDeliveryCancelledBeforeItsOrderWasPlacedLearnsItsCustomerFromTheLateOrderPlaced() {
        Delivery cancelled = Delivery.cancelledBeforeScheduling(orderId, CLOCK.instant()).delivery();
        assertThat(cancelled.customerId()).isEmpty();

        cancelled.identifyCustomer("c-42");
        cancelled.identifyCustomer("c-other");

        assertThat(cancelled.customerId()).contains("c-42");
        assertThat(cancelled.status()).isEqualTo(DeliveryStatus.CANCELLED);
    }

    @Test
    void theSameOrderAlwaysGetsTheSameCourier() {
        assertThat(COURIERS.courierFor(orderId)).isEqualTo(COURIERS.courierFor(orderId));
    }
}
