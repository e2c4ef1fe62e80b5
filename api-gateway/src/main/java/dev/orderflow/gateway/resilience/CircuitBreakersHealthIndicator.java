package dev.orderflow.gateway.resilience;

import java.util.Comparator;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Shows every backend's breaker under {@code /actuator/health/circuitBreakers}.
 * <p>
 * Resilience4j's own indicator is written against Boot 3's health API and is not loaded on Boot 4, hence this one.
 * An open breaker reports {@code CIRCUIT_OPEN}, which application.yml maps to HTTP 200 and keeps out of the
 * liveness and readiness groups: a backend being down must not get the gateway restarted or taken out of service.
 */
@Component("circuitBreakers")
public class CircuitBreakersHealthIndicator implements HealthIndicator {

    public static final Status CIRCUIT_OPEN = new Status("CIRCUIT_OPEN", "A backend's circuit breaker is open");
    public static final Status CIRCUIT_HALF_OPEN = new Status("CIRCUIT_HALF_OPEN", "A backend is being probed");

    private final CircuitBreakerRegistry breakers;

    public CircuitBreakersHealthIndicator(CircuitBreakerRegistry breakers) {
        this.breakers = breakers;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        breakers.getAllCircuitBreakers().stream()
                .sorted(Comparator.comparing(CircuitBreaker::getName))
                .forEach(breaker -> health.withDetail(breaker.getName(), details(breaker)));
        return health.status(worstStatus()).build();
    }

    private Status worstStatus() {
        return breakers.getAllCircuitBreakers().stream()
                .map(CircuitBreakersHealthIndicator::statusOf)
                .max(Comparator.comparingInt(CircuitBreakersHealthIndicator::severity))
                .orElse(Status.UP);
    }

    private static Status statusOf(CircuitBreaker breaker) {
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> CIRCUIT_OPEN;
            case HALF_OPEN -> CIRCUIT_HALF_OPEN;
            case CLOSED, DISABLED, METRICS_ONLY -> Status.UP;
        };
    }

    private static int severity(Status status) {
        return status.equals(CIRCUIT_OPEN) ? 2 : status.equals(CIRCUIT_HALF_OPEN) ? 1 : 0;
    }

    private static Map<String, Object> details(CircuitBreaker breaker) {
        CircuitBreaker.Metrics metrics = breaker.getMetrics();
        return Map.of(
                "state", breaker.getState().name(),
                "failureRate", metrics.getFailureRate() + "%",
                "slowCallRate", metrics.getSlowCallRate() + "%",
                "bufferedCalls", metrics.getNumberOfBufferedCalls(),
                "failedCalls", metrics.getNumberOfFailedCalls(),
                "slowCalls", metrics.getNumberOfSlowCalls(),
                "notPermittedCalls", metrics.getNumberOfNotPermittedCalls());
    }
}
