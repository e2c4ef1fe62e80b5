package dev.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class OpenLoopLoadTest {

    @Test
    void aStallIsChargedToEveryRequestThatShouldHaveStartedDuringIt() throws Exception {
        // The stall starts with the first request (not with the test), so a slow machine cannot shorten it.
        CountDownLatch stall = new CountDownLatch(1);
        AtomicBoolean stallStarted = new AtomicBoolean();

        LatencyRecorder latencies = new OpenLoopLoad(1_000).run(200, Duration.ofMillis(800), sequence -> {
            if (stallStarted.compareAndSet(false, true)) {
                Thread.ofVirtual().start(() -> {
                    try {
                        TimeUnit.MILLISECONDS.sleep(400);
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                    stall.countDown();
                });
            }
            return stall.await(5, TimeUnit.SECONDS);
        });

        assertThat(latencies.count()).isEqualTo(160);
        assertThat(latencies.errors()).isZero();
        // The first request waited the whole stall; those after it less and less; after it, next to nothing.
        assertThat(latencies.max()).isGreaterThanOrEqualTo(Duration.ofMillis(350));
        assertThat(latencies.percentile(50)).isLessThan(Duration.ofMillis(100));
        assertThat(latencies.percentile(90)).isGreaterThan(Duration.ofMillis(100));
    }

    @Test
    void requestsBeyondTheInFlightLimitCountAsErrors() throws Exception {
        CountDownLatch never = new CountDownLatch(1);

        LatencyRecorder latencies = new OpenLoopLoad(10).run(100, Duration.ofMillis(300),
                sequence -> never.await(500, TimeUnit.MILLISECONDS));

        assertThat(latencies.errors()).isEqualTo(30);
    }
}
