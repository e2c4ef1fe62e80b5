package dev.orderflow.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * For every order of a run at a given rate, the time from its creation to its final state, read afterwards
 * from the order's own history (its {@code createdAt} and the {@code at} of its CONFIRMED or CANCELLED entry),
 * so nothing polls while the load runs.
 */
final class TimeToConsistency {

    private final Shop shop;
    private final Settings settings;

    TimeToConsistency(Shop shop, Settings settings) {
        this.shop = shop;
        this.settings = settings;
    }

    /** The time to the final state, or empty while the order is still PENDING. */
    static Optional<Duration> of(JsonNode order) {
        Instant created = Instant.parse(order.get("createdAt").asString());
        for (JsonNode entry : order.get("history")) {
            String step = entry.get("step").asString();
            if (step.equals("CONFIRMED") || step.equals("CANCELLED")) {
                return Optional.of(Duration.between(created, Instant.parse(entry.get("at").asString())));
            }
        }
        return Optional.empty();
    }

    Map<String, Object> measure(BenchReport report, double sustained, double fraction,
                                Optional<Duration> p50Target, Optional<Duration> p99Target) throws Exception {
        double rate = Math.max(1, sustained * fraction);
        SagaThroughput.Load load = SagaThroughput.load(shop, rate, settings.consistencyRun());
        shop.awaitSettled(Duration.ofSeconds(60));
        LatencyRecorder times = new LatencyRecorder();
        long unfinished = 0;
        for (UUID id : load.orders()) {
            Optional<Duration> time = of(shop.order(id));
            if (time.isPresent()) {
                times.record(time.get().toNanos());
            } else {
                unfinished++;
            }
        }
        String label = "at %d%% of sustained (%.0f/s)".formatted(Math.round(fraction * 100), rate);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rate", rate);
        result.put("orders", load.orders().size());
        result.put("httpErrors", load.latencies().errors());
        result.put("unfinished", unfinished);
        result.put("httpP50Ms", ms(load.latencies().percentile(50)));
        result.put("httpP99Ms", ms(load.latencies().percentile(99)));
        result.put("p50Ms", ms(times.percentile(50)));
        result.put("p90Ms", ms(times.percentile(90)));
        result.put("p99Ms", ms(times.percentile(99)));
        result.put("maxMs", ms(times.max()));
        report.detail("timeToConsistency" + Math.round(fraction * 100), result);
        String value = "p50 %.1f / p90 %.1f / p99 %.1f / max %.1f ms (%d orders, %d unfinished)".formatted(
                ms(times.percentile(50)), ms(times.percentile(90)), ms(times.percentile(99)), ms(times.max()),
                load.orders().size(), unfinished);
        if (p50Target.isPresent() && p99Target.isPresent()) {
            boolean met = times.percentile(50).compareTo(p50Target.get()) <= 0
                    && times.percentile(99).compareTo(p99Target.get()) <= 0 && unfinished == 0;
            report.row("Time to consistency", label, value, "p50 <= %d ms, p99 <= %d ms".formatted(
                    p50Target.get().toMillis(), p99Target.get().toMillis()), met);
        } else {
            report.row("Time to consistency", label, value);
        }
        report.row("Time to consistency", "HTTP POST " + label, "p50 %.1f / p99 %.1f ms, %d errors".formatted(
                ms(load.latencies().percentile(50)), ms(load.latencies().percentile(99)), load.latencies().errors()));
        return result;
    }

    static double ms(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
