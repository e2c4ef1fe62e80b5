package dev.orderflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The highest rate of {@code POST /api/orders} the system sustains: open-model load stepped up ({@link RateLadder})
 * until a step has errors, a response time past one second, or sagas that are not all final within the drain time
 * after it (the backlog grew). Steps run one after the other, so a step's backlog is what is PENDING after it
 * ({@link Shop#pending}).
 */
final class SagaThroughput {

    /** One step of the ladder. */
    record Step(double rate, long placed, long errors, Duration p50, Duration p99, Optional<Duration> drained,
                boolean sustained) {
    }

    /** What a run of one rate left behind: the orders (for time to consistency) and the HTTP latencies. */
    record Load(List<UUID> orders, LatencyRecorder latencies) {
    }

    private static final Duration ACCEPTABLE_P99 = Duration.ofSeconds(1);

    private final Shop shop;
    private final Settings settings;

    SagaThroughput(Shop shop, Settings settings) {
        this.shop = shop;
        this.settings = settings;
    }

    static Load load(Shop shop, double rate, Duration duration) throws InterruptedException {
        Queue<UUID> orders = new ConcurrentLinkedQueue<>();
        LatencyRecorder latencies = new OpenLoopLoad(2_000).run(rate, duration, sequence -> {
            Optional<UUID> id = shop.place(sequence);
            id.ifPresent(orders::add);
            return id.isPresent();
        });
        return new Load(new ArrayList<>(orders), latencies);
    }

    /** Steps up the rates, then refines between the last sustained and the first failed; every step. */
    Map<String, Object> measure(BenchReport report) throws Exception {
        List<Step> steps = new ArrayList<>();
        double best = RateLadder.highestSustained(settings.rateSteps(), settings.ladderRefinements(), rate -> {
            Step step = step(rate);
            if (!step.sustained() && !settings.quick()) {
                // A shared machine has hiccups (another process, a checkpoint): a failed step is tried once more.
                // Not in --quick, which shows a change's direction within its 2 minutes.
                steps.add(step);
                step = step(rate);
            }
            steps.add(step);
            return step.sustained();
        });
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("sustainedPerSecond", best);
        result.put("steps", steps.stream().map(SagaThroughput::describe).toList());
        report.detail("sagaThroughput", result);
        report.row("Saga throughput", "highest sustained rate (POST /api/orders, 80/20 mix)",
                "%.0f sagas/s".formatted(best));
        return result;
    }

    private Step step(double rate) throws Exception {
        Load load = load(shop, rate, settings.step());
        Optional<Duration> drained = shop.awaitSettled(settings.drain());
        LatencyRecorder latencies = load.latencies();
        boolean sustained = latencies.errors() == 0 && drained.isPresent()
                && latencies.percentile(99).compareTo(ACCEPTABLE_P99) <= 0;
        Step step = new Step(rate, latencies.count(), latencies.errors(), latencies.percentile(50),
                latencies.percentile(99), drained, sustained);
        System.out.printf("saga throughput: %s (load %s)%n", step, Machine.loadAverage());
        if (!sustained) {
            // what is left drains, and the gateway's breaker closes again, before anything else is measured
            shop.awaitSettled(Duration.ofSeconds(60));
            shop.awaitAccepting(Duration.ofSeconds(60));
        }
        return step;
    }

    private static Map<String, Object> describe(Step step) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("rate", step.rate());
        map.put("placed", step.placed());
        map.put("errors", step.errors());
        map.put("httpP50Ms", step.p50().toNanos() / 1e6);
        map.put("httpP99Ms", step.p99().toNanos() / 1e6);
        map.put("drainedMs", step.drained().map(Duration::toMillis).orElse(-1L));
        map.put("sustained", step.sustained());
        return map;
    }
}
