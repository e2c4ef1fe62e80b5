package dev.orderflow.stack;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One line of {@code ./stack status}: {@code managementPort} serves health and metrics (none for PostgreSQL and Kafka). {@code breakers} are the gateway's circuit breakers and their states (read
 * when it is healthy; empty for the other components).
 */
public record ComponentStatus(Component component, Optional<Long> pid, int port, Optional<Integer> managementPort,
                              Health health, Optional<Duration> uptime, Map<String, String> breakers) {

    public enum Health {
        HEALTHY, STARTING, UNHEALTHY, STOPPED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean isHealthy() {
        return health == Health.HEALTHY;
    }

    /** What the status line adds after the uptime. */
    public String detail() {
        return breakers.isEmpty() ? "" : breakers.entrySet().stream()
                .map(breaker -> breaker.getKey() + " " + breaker.getValue())
                .collect(Collectors.joining(", ", "breakers: ", ""));
    }
}
