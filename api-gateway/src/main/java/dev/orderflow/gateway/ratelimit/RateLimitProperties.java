package dev.orderflow.gateway.ratelimit;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Token bucket per client, the same model as Spring Cloud Gateway's {@code RedisRateLimiter}.
 *
 * @param replenishRate  tokens added per second: the sustained requests per second a client may send
 * @param burstCapacity  the bucket size: how many requests a client may send at once after being idle
 */
@Validated
@ConfigurationProperties("orderflow.gateway.rate-limit")
public record RateLimitProperties(@Positive int replenishRate, @Positive int burstCapacity) {
}
