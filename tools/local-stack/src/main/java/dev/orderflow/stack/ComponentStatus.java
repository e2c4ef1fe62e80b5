package dev.orderflow.stack;

import java.time.Duration;
import java.util.Optional;

/** One line of {@code ./stack status}. */
public record ComponentStatus(Component component, Optional<Long> pid, int port, Health health,
                              Optional<Duration> uptime, String detail) {

    public enum Health {
        HEALTHY, STARTING, UNHEALTHY, STOPPED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean isHealthy() {
        return health == Health.HEALTHY;
    }
}
