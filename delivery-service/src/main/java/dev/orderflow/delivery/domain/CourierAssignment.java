package dev.orderflow.delivery.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Which courier takes an order and when it should arrive. The same order always gets the same courier,
 * so a redelivered event can never assign a second one.
 */
public record CourierAssignment(List<String> couriers, int leadTimeDays) {

    public CourierAssignment {
        if (couriers.isEmpty()) {
            throw new IllegalArgumentException("at least one courier is needed");
        }
        couriers = List.copyOf(couriers);
    }

    public String courierFor(UUID orderId) {
        return couriers.get(Math.floorMod(orderId.hashCode(), couriers.size()));
    }

    public LocalDate estimatedDeliveryDate(LocalDate orderDay) {
        return orderDay.plusDays(leadTimeDays);
    }
}
