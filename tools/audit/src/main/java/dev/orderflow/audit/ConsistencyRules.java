package dev.orderflow.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a finished saga must look like, judged from both services' data. An order changed within the settle
 * time is still converging and is not judged (it is counted as unsettled); anything older must be final and
 * agree with its delivery.
 */
public final class ConsistencyRules {

    private final Duration deadline;
    private final Duration settleTime;

    /**
     * @param deadline   the saga deadline of order-service: no order may be PENDING longer
     * @param settleTime how long a change may take to reach the other service
     */
    public ConsistencyRules(Duration deadline, Duration settleTime) {
        this.deadline = deadline;
        this.settleTime = settleTime;
    }

    public AuditReport judge(List<OrderView> orders, List<DeliveryView> deliveries, Instant now) {
        Map<UUID, List<DeliveryView>> deliveriesByOrder = deliveries.stream()
                .collect(Collectors.groupingBy(DeliveryView::orderId));
        List<Finding> findings = new ArrayList<>();
        int unsettled = 0;
        for (OrderView order : orders) {
            List<DeliveryView> ofOrder = deliveriesByOrder.getOrDefault(order.id(), List.of());
            if (isSettling(order, ofOrder, now)) {
                unsettled++;
                continue;
            }
            judge(order, ofOrder, now, findings);
        }
        return new AuditReport(orders.size(), unsettled, List.copyOf(findings));
    }

    private boolean isSettling(OrderView order, List<DeliveryView> ofOrder, Instant now) {
        Instant lastChange = ofOrder.stream().map(DeliveryView::updatedAt).reduce(order.updatedAt(),
                (a, b) -> a.isAfter(b) ? a : b);
        boolean recentlyChanged = lastChange.isAfter(now.minus(settleTime));
        boolean pendingWithinDeadline = order.status().equals("PENDING")
                && order.createdAt().isAfter(now.minus(deadline).minus(settleTime));
        return recentlyChanged || pendingWithinDeadline;
    }

    private void judge(OrderView order, List<DeliveryView> ofOrder, Instant now, List<Finding> findings) {
        if (ofOrder.size() > 1) {
            findings.add(new Finding(Finding.Kind.DUPLICATED, order.id(), ofOrder.size() + " deliveries"));
        }
        if (order.status().equals("PENDING")) {
            findings.add(new Finding(Finding.Kind.STUCK, order.id(), "PENDING since " + order.createdAt()));
            return;
        }
        if (ofOrder.isEmpty()) {
            findings.add(new Finding(Finding.Kind.LOST, order.id(), order.status() + " but no delivery decision"));
            return;
        }
        DeliveryView delivery = ofOrder.getFirst();
        boolean agrees = switch (order.status()) {
            case "CONFIRMED" -> delivery.status().equals("SCHEDULED") && delivery.id().equals(order.deliveryId());
            case "CANCELLED" -> !delivery.status().equals("SCHEDULED");
            default -> false;
        };
        if (!agrees) {
            findings.add(new Finding(Finding.Kind.INCONSISTENT, order.id(),
                    "order " + order.status() + " but delivery " + delivery.id() + " " + delivery.status()));
        }
    }
}
