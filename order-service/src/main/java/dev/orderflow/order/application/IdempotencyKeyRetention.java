package dev.orderflow.order.application;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys protect against client retries, which come within minutes; after the retention a key
 * is forgotten, so the table does not grow without bound (a reuse after that creates a new order).
 */
@Component
class IdempotencyKeyRetention {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyRetention.class);

    private final IdempotencyKeys keys;
    private final Clock clock;
    private final Duration retention;

    IdempotencyKeyRetention(IdempotencyKeys keys, Clock clock,
                            @Value("${orderflow.idempotency.retention}") Duration retention) {
        this.keys = keys;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${orderflow.idempotency.purge-interval}")
    void forgetExpiredKeys() {
        int forgotten = keys.forgetClaimedBefore(clock.instant().minus(retention));
        if (forgotten > 0) {
            log.info("Forgot {} Idempotency-Keys older than {}", forgotten, retention);
        }
    }
}
