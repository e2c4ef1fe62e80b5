package dev.orderflow.bench;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load: requests start at a constant arrival rate whatever the system does, and each latency
 * is measured from the request's intended start, not from when it was sent. A system that stalls is charged
 * for every request that should have started meanwhile, so coordinated omission cannot hide it.
 */
public final class OpenLoopLoad {

    /** One request; true when it succeeded. It runs on its own virtual thread. */
    @FunctionalInterface
    public interface Request {
        boolean send(long sequence) throws Exception;
    }

    private final int maxInFlight;

    /** @param maxInFlight requests beyond this many outstanding count as errors instead of piling up */
    public OpenLoopLoad(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public LatencyRecorder run(double perSecond, Duration duration, Request request) throws InterruptedException {
        LatencyRecorder recorder = new LatencyRecorder();
        Semaphore inFlight = new Semaphore(maxInFlight);
        long intervalNanos = Math.round(1_000_000_000L / perSecond);
        long total = Math.round(perSecond * duration.toNanos() / 1e9);
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                long intended = start + i * intervalNanos;
                waitUntil(intended);
                if (!inFlight.tryAcquire()) {
                    recorder.error();
                    continue;
                }
                long sequence = i;
                threads.execute(() -> {
                    try {
                        if (request.send(sequence)) {
                            recorder.record(System.nanoTime() - intended);
                        } else {
                            recorder.error();
                        }
                    } catch (Exception e) {
                        recorder.error();
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        return recorder;
    }

    private static void waitUntil(long nanoTime) {
        long remaining;
        while ((remaining = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(1)));
        }
    }
}
