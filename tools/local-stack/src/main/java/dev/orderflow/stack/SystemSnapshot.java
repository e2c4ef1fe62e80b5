package dev.orderflow.stack;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What {@code ./stack watch} shows at one moment: sagas by state, each service's messaging figures, the gateway's
 * breakers and every component's health. A figure that could not be read is empty, not zero.
 */
record SystemSnapshot(Instant at, Map<String, Long> orders, Map<String, Long> deliveries,
                      List<ServiceFigures> services, Map<String, String> breakers, List<ComponentStatus> components) {

    static final List<String> ORDER_STATES = List.of("PENDING", "CONFIRMED", "CANCELLED");
    static final List<String> DELIVERY_STATES = List.of("SCHEDULED", "FAILED", "CANCELLED");

    /** From one service's {@code /actuator/prometheus}; all empty when it does not answer. */
    record ServiceFigures(Component service, OptionalDouble outboxRows, OptionalDouble oldestUnsentSeconds,
                          OptionalDouble deadLettered, OptionalDouble consumerLag) {

        static ServiceFigures unreachable(Component service) {
            return new ServiceFigures(service, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty());
        }
    }

    /** Whether the gateway counted the orders of every state (rates compare only complete counts). */
    boolean hasAllOrderCounts() {
        return orders.keySet().containsAll(ORDER_STATES);
    }
}
