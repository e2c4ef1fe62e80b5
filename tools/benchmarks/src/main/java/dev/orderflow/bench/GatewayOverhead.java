package dev.orderflow.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The same requests, at the same concurrency (closed loop), direct to order-service and through the gateway,
 * in alternating rounds: throughput and p50/p99 ratios (medians over the rounds). Also used for the circuit
 * breaker comparison (gateway with and without the filter).
 */
final class GatewayOverhead {

    /** Throughput and latencies of one path over the rounds. */
    record PathResult(List<Double> perSecond, List<Double> p50Ms, List<Double> p99Ms, long errors) {
        double medianPerSecond() {
            return median(perSecond);
        }
    }

    private final Settings settings;
    private final String customer;

    GatewayOverhead(Settings settings, String runId) {
        this.settings = settings;
        this.customer = runId + "-gateway";
    }

    /** One round of POST (and a GET of an order placed before) against this orders URL. */
    PathResult[] round(Shop shop, List<UUID> known) throws Exception {
        AtomicLong next = new AtomicLong();
        ClosedLoopLoad.Result posts = new ClosedLoopLoad().run(settings.gatewayClients(), settings.gatewayRun(),
                sequence -> shop.place(customer, next.incrementAndGet()).isPresent());
        // The sagas these orders started must not compete with the next round's requests.
        shop.awaitSettled(customer, Duration.ofSeconds(60));
        ClosedLoopLoad.Result gets = new ClosedLoopLoad().run(settings.gatewayClients(), settings.gatewayRun(),
                sequence -> shop.read(known.get((int) (sequence % known.size()))));
        return new PathResult[] {single(posts), single(gets)};
    }

    /** Rounds against one path alone: a gateway that has just started catches up with the JIT of the other. */
    void warmUp(Shop shop, int rounds) throws Exception {
        List<UUID> known = placeOrdersToRead(shop);
        for (int i = 0; i < rounds; i++) {
            round(shop, known);
        }
    }

    private List<UUID> placeOrdersToRead(Shop shop) throws IOException, InterruptedException {
        List<UUID> known = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            shop.place(customer, i).ifPresent(known::add);
        }
        return known;
    }

    /** Alternates the two paths for the configured rounds; index 0 POST, 1 GET. */
    Map<String, Object> compare(BenchReport report, String what, String nameA, Shop a, String nameB, Shop b,
                                boolean gatewayTargets) throws Exception {
        List<UUID> known = placeOrdersToRead(a);
        round(a, known); // warm-up of both paths
        round(b, known);
        List<PathResult[]> roundsA = new ArrayList<>();
        List<PathResult[]> roundsB = new ArrayList<>();
        for (int i = 0; i < settings.gatewayRounds(); i++) {
            // A B, then B A: neither path always runs first.
            if (i % 2 == 0) {
                roundsA.add(round(a, known));
                roundsB.add(round(b, known));
            } else {
                roundsB.add(round(b, known));
                roundsA.add(round(a, known));
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        String[] requests = {"POST /orders", "GET /orders/{id}"};
        for (int r = 0; r < 2; r++) {
            PathResult ra = merge(roundsA, r);
            PathResult rb = merge(roundsB, r);
            double throughput = rb.medianPerSecond() / ra.medianPerSecond();
            double p50 = median(rb.p50Ms()) / median(ra.p50Ms());
            double p99 = median(rb.p99Ms()) / median(ra.p99Ms());
            Map<String, Object> one = new LinkedHashMap<>();
            one.put(nameA, ra);
            one.put(nameB, rb);
            one.put("throughputRatio", throughput);
            one.put("p50Ratio", p50);
            one.put("p99Ratio", p99);
            result.put(requests[r], one);
            String value = "%s/%s throughput %.2f (%.0f vs %.0f req/s), p50 %.2f, p99 %.2f, errors %d/%d".formatted(
                    nameB, nameA, throughput, rb.medianPerSecond(), ra.medianPerSecond(), p50, p99, rb.errors(),
                    ra.errors());
            String metric = requests[r] + ", " + settings.gatewayClients() + " clients";
            if (gatewayTargets && r == 0) {
                report.row(what, metric, value, "throughput >= 0.85, p99 <= 1.5", throughput >= 0.85 && p99 <= 1.5);
            } else if (!gatewayTargets && r == 0) {
                report.row(what, metric, value, "throughput >= 0.97", throughput >= 0.97);
            } else {
                report.row(what, metric, value);
            }
        }
        report.detail(what, result);
        System.out.println(what + ": " + result);
        return result;
    }

    private static PathResult single(ClosedLoopLoad.Result result) {
        return new PathResult(List.of(result.perSecond()), List.of(TimeToConsistency.ms(result.latencies().percentile(50))),
                List.of(TimeToConsistency.ms(result.latencies().percentile(99))), result.latencies().errors());
    }

    private static PathResult merge(List<PathResult[]> rounds, int request) {
        List<Double> perSecond = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        long errors = 0;
        for (PathResult[] round : rounds) {
            perSecond.addAll(round[request].perSecond());
            p50.addAll(round[request].p50Ms());
            p99.addAll(round[request].p99Ms());
            errors += round[request].errors();
        }
        return new PathResult(perSecond, p50, p99, errors);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

}
