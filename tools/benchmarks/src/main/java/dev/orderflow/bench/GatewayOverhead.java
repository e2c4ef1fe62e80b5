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
 * in alternating rounds. Also used for the circuit breaker comparison (gateway with and without the filter).
 *
 * <p>On two shared cores a path's throughput swings by half from one round to the next (saga work left over,
 * the JIT, neighbours); two rounds run back to back see nearly the same machine. So each ratio is the median of
 * the ratios of such pairs, not a ratio of medians. Where a side names its process, its CPU time per request is
 * counted too: for two instances of one service, the cost of what differs between them, free of what the rest of
 * the machine does to throughput.
 */
final class GatewayOverhead {

    /** One side of a comparison: where its requests go, and the process whose CPU per request is counted, if any. */
    record Side(String name, Shop shop, Optional<Long> pid) {

        static Side of(String name, Shop shop) {
            return new Side(name, shop, Optional.empty());
        }
    }

    /** Throughput, latencies and CPU per request (empty without a process) of one side, round by round. */
    record PathResult(List<Double> perSecond, List<Double> p50Ms, List<Double> p99Ms, List<Double> cpuMsPerRequest,
                      long errors) {
        double medianPerSecond() {
            return median(perSecond);
        }
    }

    private final Settings settings;

    GatewayOverhead(Settings settings) {
        this.settings = settings;
    }

    /** One round of POST (and a GET of an order placed before) against this side. */
    PathResult[] round(Side side, List<UUID> known) throws Exception {
        AtomicLong next = new AtomicLong();
        PathResult posts = measured(side, sequence -> side.shop().place(next.incrementAndGet()).isPresent());
        // The sagas these orders started must not compete with the next round's requests.
        side.shop().awaitSettled(Duration.ofSeconds(60));
        PathResult gets = measured(side, sequence -> side.shop().read(known.get((int) (sequence % known.size()))));
        return new PathResult[] {posts, gets};
    }

    private PathResult measured(Side side, OpenLoopLoad.Request request) throws InterruptedException {
        Optional<Duration> cpuBefore = side.pid().map(CpuProfile::cpu);
        ClosedLoopLoad.Result result = new ClosedLoopLoad().run(settings.gatewayClients(), settings.gatewayRun(), request);
        long requests = result.latencies().count() + result.latencies().errors();
        List<Double> cpuMsPerRequest = cpuBefore.map(before -> List.of(
                cpuMsPerRequest(before, CpuProfile.cpu(side.pid().get()), requests))).orElse(List.of());
        return new PathResult(List.of(result.perSecond()), List.of(TimeToConsistency.ms(result.latencies().percentile(50))),
                List.of(TimeToConsistency.ms(result.latencies().percentile(99))), cpuMsPerRequest,
                result.latencies().errors());
    }

    /** NaN when there is nothing to divide: no request, or a process gone (whose CPU then reads as zero). */
    static double cpuMsPerRequest(Duration before, Duration after, long requests) {
        Duration used = after.minus(before);
        return requests == 0 || used.isNegative() ? Double.NaN : used.toNanos() / 1e6 / requests;
    }

    /** Rounds against these sides in turn: gateways that have just started, before they are compared. */
    void warmUp(List<Side> sides, int rounds) throws Exception {
        List<UUID> known = placeOrdersToRead(sides.getFirst().shop());
        for (int i = 0; i < rounds; i++) {
            for (Side side : sides) {
                round(side, known);
            }
        }
    }

    private List<UUID> placeOrdersToRead(Shop shop) throws IOException, InterruptedException {
        List<UUID> known = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            shop.place(i).ifPresent(known::add);
        }
        return known;
    }

    /** Alternates the two sides for the configured rounds; B relative to A. */
    Map<String, Object> compare(BenchReport report, String what, Side a, Side b, boolean gatewayTargets)
            throws Exception {
        List<UUID> known = placeOrdersToRead(a.shop());
        round(a, known); // warm-up of both sides
        round(b, known);
        List<PathResult[]> roundsA = new ArrayList<>();
        List<PathResult[]> roundsB = new ArrayList<>();
        for (int i = 0; i < settings.gatewayRounds(); i++) {
            // A B, then B A: neither side always runs first.
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
            double throughput = pairedRatio(rb.perSecond(), ra.perSecond());
            double p50 = pairedRatio(rb.p50Ms(), ra.p50Ms());
            double p99 = pairedRatio(rb.p99Ms(), ra.p99Ms());
            Map<String, Object> one = new LinkedHashMap<>();
            one.put(a.name(), ra);
            one.put(b.name(), rb);
            one.put("throughputRatio", throughput);
            one.put("p50Ratio", p50);
            one.put("p99Ratio", p99);
            String cpu = "";
            if (!ra.cpuMsPerRequest().isEmpty() && !rb.cpuMsPerRequest().isEmpty()) {
                double cpuRatio = pairedRatio(rb.cpuMsPerRequest(), ra.cpuMsPerRequest());
                one.put("cpuPerRequestRatio", cpuRatio);
                cpu = ", CPU per request %.3f vs %.3f ms (%.2f)".formatted(median(rb.cpuMsPerRequest()),
                        median(ra.cpuMsPerRequest()), cpuRatio);
            }
            result.put(requests[r], one);
            String value = ("%s/%s throughput %.2f (%.0f vs %.0f req/s), p50 %.2f, p99 %.2f%s, errors %d/%d"
                    + " (medians of %d paired rounds)").formatted(b.name(), a.name(), throughput,
                    rb.medianPerSecond(), ra.medianPerSecond(), p50, p99, cpu, rb.errors(), ra.errors(),
                    ra.perSecond().size());
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

    /** The median of b[i] / a[i]: each pair ran back to back. */
    static double pairedRatio(List<Double> b, List<Double> a) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            ratios.add(b.get(i) / a.get(i));
        }
        return median(ratios);
    }

    private static PathResult merge(List<PathResult[]> rounds, int request) {
        List<Double> perSecond = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        long errors = 0;
        for (PathResult[] round : rounds) {
            perSecond.addAll(round[request].perSecond());
            p50.addAll(round[request].p50Ms());
            p99.addAll(round[request].p99Ms());
            cpu.addAll(round[request].cpuMsPerRequest());
            errors += round[request].errors();
        }
        return new PathResult(perSecond, p50, p99, cpu, errors);
    }

    /** Over the values that are numbers (a round with nothing to measure is NaN); NaN if none is. */
    static double median(List<Double> values) {
        List<Double> sorted = values.stream().filter(Double::isFinite).sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

}
