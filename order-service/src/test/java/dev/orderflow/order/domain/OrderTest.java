package dev.orderflow.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orderflow.events.DeliveryScheduled;
import dev.orderflow.events.OrderCancelled;
import dev.orderflow.events.OrderPlaced;

class OrderTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final Order.Placement placement = Order.place(UUID.randomUUID(), "c-42",
            List.of(new OrderLine("p-1", 2, new BigDecimal("12.50")), new OrderLine("p-2", 1, new BigDecimal("5.00"))),
            new DeliveryAddress("1 Main St", "Seoul", "04524", "KR"), NOW);
    private final Order order = placement.order();

    @Test
    void placedOrderIsPendingWithItsTotalAndAnOrderPlacedEvent() {
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.totalAmount()).isEqualByComparingTo("30.00");
        OrderPlaced event = placement.event();
        assertThat(event.orderId()).isEqualTo(order.id());
        assertThat(event.items()).hasSize(2);
        assertThat(event.deliveryAddress().country()).isEqualTo("KR");
        assertThat(order.history()).extracting(HistoryEntry::step).containsExactly(SagaStep.PLACED);
    }

    @Test
    void scheduledDeliveryConfirmsThePendingOrder() {
        UUID deliveryId = UUID.randomUUID();

        var confirmed = order.confirmDelivery(scheduled(deliveryId), NOW.plusSeconds(1));

        assertThat(confirmed).hasValueSatisfying(event -> assertThat(event.deliveryId()).isEqualTo(deliveryId));
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.deliveryId()).contains(deliveryId);
    }

    @Test
    void failedDeliveryCancelsTheOrderWithItsReason() {
        var cancelled = order.compensateFailedDelivery("ADDRESS_NOT_SERVICEABLE", NOW);

        assertThat(cancelled).map(OrderCancelled::reason).contains("ADDRESS_NOT_SERVICEABLE");
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.cancellationReason()).contains("ADDRESS_NOT_SERVICEABLE");
    }

    @Test
    void lateDeliveryDecisionOnACancelledOrderChangesNothingButIsRecorded() {
        order.cancelOnCustomerRequest(NOW);

        assertThat(order.confirmDelivery(scheduled(UUID.randomUUID()), NOW.plusSeconds(1))).isEmpty();
        assertThat(order.compensateFailedDelivery("ADDRESS_NOT_SERVICEABLE", NOW.plusSeconds(2))).isEmpty();

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.cancellationReason()).contains(CancellationReason.CUSTOMER_REQUEST);
        assertThat(order.deliveryId()).isEmpty();
        assertThat(order.history()).extracting(HistoryEntry::step).containsExactly(SagaStep.PLACED,
                SagaStep.CANCELLED, SagaStep.LATE_DELIVERY_SCHEDULED, SagaStep.LATE_DELIVERY_FAILED);
    }

    @Test
    void confirmedOrderCanStillBeCancelledByTheCustomer() {
        order.confirmDelivery(scheduled(UUID.randomUUID()), NOW);

        OrderCancelled cancelled = order.cancelOnCustomerRequest(NOW.plusSeconds(5));

        assertThat(cancelled.reason()).isEqualTo(CancellationReason.CUSTOMER_REQUEST);
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void anOperatorsCancellationSaysSoInItsReason() {
        OrderCancelled cancelled = order.cancelOnOperatorRequest(NOW);

        assertThat(cancelled.reason()).isEqualTo(CancellationReason.OPERATOR_REQUEST);
        assertThat(order.cancellationReason()).contains("OPERATOR_REQUEST");
        assertThatThrownBy(() -> order.cancelOnOperatorRequest(NOW)).isInstanceOf(OrderTransitionRejected.class);
    }

    @Test
    void cancelledOrderCannotBeCancelledAgain() {
        order.cancelOnCustomerRequest(NOW);

        assertThatThrownBy(() -> order.cancelOnCustomerRequest(NOW)).isInstanceOf(OrderTransitionRejected.class);
        assertThat(order.history()).extracting(HistoryEntry::step).containsExactly(SagaStep.PLACED,
                SagaStep.CANCELLED);
    }

    @Test
    void deadlineCancelsOnlyPendingOrders() {
        assertThat(order.expire(NOW)).map(OrderCancelled::reason).contains(CancellationReason.DELIVERY_TIMEOUT);

        Order confirmed = Order.place(UUID.randomUUID(), "c-1", List.of(new OrderLine("p", 1, BigDecimal.ONE)),
                new DeliveryAddress("s", "c", "p", "KR"), NOW).order();
        confirmed.confirmDelivery(scheduled(UUID.randomUUID()), NOW);
        assertThat(confirmed.expire(NOW)).isEmpty();
        assertThat(confirmed.status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void statusMachineAllowsOnlyItsTransitions() {
        assertThat(OrderStatus.PENDING.canBecome(OrderStatus.CONFIRMED)).isTrue();
        assertThat(OrderStatus.PENDING.canBecome(OrderStatus.CANCELLED)).isTrue();
        assertThat(OrderStatus.CONFIRMED.canBecome(OrderStatus.CANCELLED)).isTrue();
        assertThat(OrderStatus.CONFIRMED.canBecome(OrderStatus.PENDING)).isFalse();
        assertThat(OrderStatus.CANCELLED.canBecome(OrderStatus.CONFIRMED)).isFalse();
        assertThat(OrderStatus.CANCELLED.canBecome(OrderStatus.PENDING)).isFalse();
    }

    private DeliveryScheduled scheduled(UUID deliveryId) {
        return new DeliveryScheduled(order.id(), deliveryId, "courier-1", LocalDate.of(2026, 11, 27));
    }
}
