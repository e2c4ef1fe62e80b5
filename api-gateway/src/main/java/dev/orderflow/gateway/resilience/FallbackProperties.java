package dev.orderflow.gateway.resilience;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param retryAfter the {@code Retry-After} of a fallback while the breaker is still CLOSED (a single failure or
 *                   timeout); while it is OPEN the breaker's own wait in open state is used instead.
 */
@ConfigurationProperties("orderflow.gateway.fallback")
public record FallbackProperties(Duration retryAfter) {
}
