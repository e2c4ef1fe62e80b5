package dev.orderflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ConsistencyRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Instant LONG_AGO = NOW.minus(Duration.ofMinutes(10));

    private final ConsistencyRules rules = new ConsistencyRules(Duration.ofSeconds(60), Duration.ofSeconds(5));

    @Test
    void finishedSagasThatAgreeAreHealthy() {
        UUID confirmed = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        UUID customerCancelled = UUID.randomUUID();
        UUID scheduled = UUID.randomUUID();

        AuditReport report = rules.judge(List.of(
                        order(confirmed, "CONFIRMED", scheduled),
                        order(cancelled, "CANCELLED", null),
                        order(customerCancelled, "CANCELLED", null)),
                List.of(delivery(scheduled, confirmed, "SCHEDULED"),
                        delivery(UUID.randomUUID(), cancelled, "FAILED"),
                        delivery(UUID.randomUUID(), customerCancelled, "CANCELLED")), NOW);

        assertThat(report.healthy()).isTrue();
        assertThat(report.total()).isEqualTo(3);
        assertThat(report.summary()).isEqualTo("total 3 | lost 0 | inconsistent 0 | duplicated 0 | stuck 0");
    }

    @Test
    void findsEveryKindOfBrokenSaga() {
        UUID stuck = UUID.randomUUID();
        UUID lost = UUID.randomUUID();
        UUID confirmedWithFailedDelivery = UUID.randomUUID();
        UUID cancelledWithScheduledDelivery = UUID.randomUUID();
        UUID duplicated = UUID.randomUUID();
        UUID firstDelivery = UUID.randomUUID();

        AuditReport report = rules.judge(List.of(
                        order(stuck, "PENDING", null),
                        order(lost, "CANCELLED", null),
                        order(confirmedWithFailedDelivery, "CONFIRMED", UUID.randomUUID()),
                        order(cancelledWithScheduledDelivery, "CANCELLED", null),
                        order(duplicated, "CONFIRMED", firstDelivery)),
                List.of(delivery(UUID.randomUUID(), confirmedWithFailedDelivery, "FAILED"),
                        delivery(UUID.randomUUID(), cancelledWithScheduledDelivery, "SCHEDULED"),
                        delivery(firstDelivery, duplicated, "SCHEDULED"),
                        delivery(UUID.randomUUID(), duplicated, "SCHEDULED")), NOW);

        assertThat(report.findings()).extracting(Finding::kind, Finding::orderId).containsExactlyInAnyOrder(
                tuple(Finding.Kind.STUCK, stuck),
                tuple(Finding.Kind.LOST, lost),
                tuple(Finding.Kind.INCONSISTENT, confirmedWithFailedDelivery),
                tuple(Finding.Kind.INCONSISTENT, cancelledWithScheduledDelivery),
                tuple(Finding.Kind.DUPLICATED, duplicated));
    }

    @Test
    void sagasStillWithinTheirDeadlineOrJustChangedAreNotJudgedYet() {
        UUID young = UUID.randomUUID();
        UUID justCancelled = UUID.randomUUID();
        OrderView pending = new OrderView(young, "PENDING", null, null, NOW.minusSeconds(30), NOW.minusSeconds(30));
        OrderView cancelled = new OrderView(justCancelled, "CANCELLED", "CUSTOMER_REQUEST", null, LONG_AGO,
                NOW.minusSeconds(1));

        AuditReport report = rules.judge(List.of(pending, cancelled),
                List.of(delivery(UUID.randomUUID(), justCancelled, "SCHEDULED")), NOW);

        assertThat(report.healthy()).isTrue();
        assertThat(report.unsettled()).isEqualTo(2);
    }

    private static OrderView order(UUID id, String status, UUID deliveryId) {
        return new OrderView(id, status, status.equals("CANCELLED") ? "ADDRESS_NOT_SERVICEABLE" : null, deliveryId,
                LONG_AGO, LONG_AGO);
    }

    private static DeliveryView delivery(UUID id, UUID orderId, String status) {
        return new DeliveryView(id, orderId, status, LONG_AGO);
    }
}
