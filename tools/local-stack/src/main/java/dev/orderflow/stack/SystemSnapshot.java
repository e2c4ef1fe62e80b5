package dev.orderflow.stack;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** All orders, or empty when the gateway could not count one of the states. */
    Optional<Long> orderTotal() {
        return orders.size() == ORDER_STATES.size()
                ? Optional.of(orders.values().stream().mapToLong(Long::longValue).sum())
                : Optional.empty();
    }
}
