package dev.orderflow.bench;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed number of clients, each sending its next request as soon as the last one answered: the way to
 * compare two paths (direct and through the gateway) at the same concurrency.
 */
public final class ClosedLoopLoad {

    public record Result(LatencyRecorder latencies, double perSecond) {
    }

    public Result run(int clients, Duration duration, OpenLoopLoad.Request request) throws InterruptedException {
        LatencyRecorder recorder = new LatencyRecorder();
        AtomicLong sequence = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int client = 0; client < clients; client++) {
                threads.execute(() -> {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        try {
                            if (request.send(sequence.getAndIncrement())) {
                                recorder.record(System.nanoTime() - sent);
                            } else {
                                recorder.error();
                            }
                        } catch (Exception e) {
                            recorder.error();
                        }
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(recorder, recorder.count() / seconds);
    }
}
