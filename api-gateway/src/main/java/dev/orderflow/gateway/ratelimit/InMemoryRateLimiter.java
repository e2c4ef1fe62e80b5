package dev.orderflow.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

/**
 * A token bucket per client key, kept in this instance's memory.
 * <p>
 * Right for a single gateway instance. With several instances each would allow the full rate, so replace this
 * bean by Spring Cloud Gateway's {@code RedisRateLimiter} (same bucket model, state shared in Redis); the
 * {@code ClientRateLimit} filter works with any {@link RateLimiter}.
 */
public class InMemoryRateLimiter implements RateLimiter<RateLimitProperties> {

    public static final String REMAINING_HEADER = "X-RateLimit-Remaining";
    public static final String REPLENISH_RATE_HEADER = "X-RateLimit-Replenish-Rate";
    public static final String BURST_CAPACITY_HEADER = "X-RateLimit-Burst-Capacity";
    public static final String RETRY_AFTER_HEADER = "Retry-After";

    private static final long SWEEP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final RateLimitProperties limits;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep;

    public InMemoryRateLimiter(RateLimitProperties limits, LongSupplier nanoClock) {
        this.limits = limits;
        this.nanoClock = nanoClock;
        this.lastSweep = new AtomicLong(nanoClock.getAsLong());
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String clientKey) {
        long now = nanoClock.getAsLong();
        sweepIdleBuckets(now);
        Bucket bucket = buckets.compute(clientKey, (key, previous) -> take(previous, now));
        long remaining = (long) Math.floor(bucket.tokens());
        Map<String, String> headers = bucket.allowed()
                ? Map.of(REMAINING_HEADER, Long.toString(remaining), REPLENISH_RATE_HEADER,
                        Integer.toString(limits.replenishRate()), BURST_CAPACITY_HEADER,
                        Integer.toString(limits.burstCapacity()))
                : Map.of(REMAINING_HEADER, "0", REPLENISH_RATE_HEADER, Integer.toString(limits.replenishRate()),
                        BURST_CAPACITY_HEADER, Integer.toString(limits.burstCapacity()), RETRY_AFTER_HEADER,
                        Long.toString(secondsUntilNextToken(bucket)));
        return Mono.just(new Response(bucket.allowed(), headers));
    }

    int trackedClients() {
        return buckets.size();
    }

    private Bucket take(Bucket previous, long now) {
        double tokens = previous == null ? limits.burstCapacity() : refilled(previous, now);
        return tokens >= 1 ? new Bucket(tokens - 1, now, true) : new Bucket(tokens, now, false);
    }

    private double refilled(Bucket bucket, long now) {
        double elapsedSeconds = (now - bucket.updatedAt()) / 1e9;
        return Math.min(limits.burstCapacity(), bucket.tokens() + elapsedSeconds * limits.replenishRate());
    }

    private long secondsUntilNextToken(Bucket bucket) {
        return Math.max(1, (long) Math.ceil((1 - bucket.tokens()) / limits.replenishRate()));
    }

    /** Forget clients whose bucket has refilled completely: they are indistinguishable from new ones. */
    private void sweepIdleBuckets(long now) {
        long last = lastSweep.get();
        if (now - last >= SWEEP_INTERVAL_NANOS && lastSweep.compareAndSet(last, now)) {
            buckets.values().removeIf(bucket -> refilled(bucket, now) >= limits.burstCapacity());
        }
    }

    @Override
    public Map<String, RateLimitProperties> getConfig() {
        return Map.of();
    }

    @Override
    public Class<RateLimitProperties> getConfigClass() {
        return RateLimitProperties.class;
    }

    /** All routes share the limits from configuration. */
    @Override
    public RateLimitProperties newConfig() {
        return limits;
    }

    private record Bucket(double tokens, long updatedAt, boolean allowed) {
    }
}
