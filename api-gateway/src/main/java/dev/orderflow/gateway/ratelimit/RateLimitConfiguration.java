package dev.orderflow.gateway.ratelimit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /** Steps aside when another limiter (for example a {@code RedisRateLimiter}) is declared. */
    @Bean
    @ConditionalOnMissingBean(RateLimiter.class)
    InMemoryRateLimiter inMemoryRateLimiter(RateLimitProperties limits) {
        return new InMemoryRateLimiter(limits, System::nanoTime);
    }
}
