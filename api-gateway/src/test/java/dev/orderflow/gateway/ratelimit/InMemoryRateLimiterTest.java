package dev.orderflow.gateway.ratelimit;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.Response;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryRateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(new RateLimitProperties(2, 4), now::get);

    @Test
    void allowsABurstThenTheReplenishRate() {
        for (int call = 0; call < 4; call++) {
            assertThat(ask("client").isAllowed()).isTrue();
        }
        Response denied = ask("client");
        assertThat(denied.isAllowed()).isFalse();
        assertThat(denied.getHeaders()).containsEntry("Retry-After", "1").containsEntry("X-RateLimit-Remaining", "0");

        advance(500);
        assertThat(ask("client").isAllowed()).isTrue();
        assertThat(ask("client").isAllowed()).isFalse();
    }

    @Test
    void neverHoldsMoreThanTheBurstCapacity() {
        ask("client");
        advance(60_000);

        assertThat(ask("client").getHeaders()).containsEntry("X-RateLimit-Remaining", "3");
    }

    @Test
    void keepsABucketPerClient() {
        for (int call = 0; call < 4; call++) {
            ask("greedy");
        }

        assertThat(ask("greedy").isAllowed()).isFalse();
        assertThat(ask("modest").isAllowed()).isTrue();
    }

    @Test
    void forgetsIdleClients() {
        ask("a");
        ask("b");
        assertThat(limiter.trackedClients()).isEqualTo(2);

        advance(31_000);
        ask("c");

        assertThat(limiter.trackedClients()).isEqualTo(1);
    }

    private Response ask(String client) {
        return limiter.isAllowed("order-service", client).block();
    }

    private void advance(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
