package dev.orderflow.bench;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import dev.orderflow.audit.AuditReport;
import dev.orderflow.audit.ConsistencyAuditor;
import dev.orderflow.audit.ConsistencyRules;
import dev.orderflow.audit.Finding;
import dev.orderflow.stack.Component;

/**
 * Steady load at half the sustained rate; delivery-service is SIGKILLed, restarted after the outage; the time
 * from the restart until every order of the run is final, then the consistency audit of the whole system
 * (lost, duplicated, inconsistent, stuck).
 */
final class Recovery {

    static final Duration TARGET = Duration.ofSeconds(30);

    private final BenchStack stack;
    private final Shop shop;
    private final Settings settings;
    private final Duration sagaDeadline;

    Recovery(BenchStack stack, Settings settings, Duration sagaDeadline) {
        this.stack = stack;
        this.shop = new Shop(stack.gatewayUrl() + "/api/orders");
        this.settings = settings;
        this.sagaDeadline = sagaDeadline;
    }

    Map<String, Object> measure(BenchReport report, String runId, double sustained) throws Exception {
        double rate = Math.max(1, sustained / 2);
        String customer = runId + "-recovery";
        Duration total = settings.recoveryBefore().plus(settings.recoveryOutage()).plus(settings.recoveryAfter());
        AtomicReference<SagaThroughput.Load> load = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread loader = Thread.ofPlatform().name("recovery-load").start(() -> {
            try {
                load.set(SagaThroughput.load(shop, customer, rate, total));
            } catch (Exception e) {
                failure.set(e);
            }
        });
        Thread.sleep(settings.recoveryBefore().toMillis());
        stack.kill(Component.DELIVERY_SERVICE);
        Thread.sleep(settings.recoveryOutage().toMillis());
        Instant restart = Instant.now();
        stack.start(Component.DELIVERY_SERVICE);
        Duration healthyAfter = Duration.between(restart, Instant.now());
        loader.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        Optional<Duration> settled = shop.awaitSettled(customer, Duration.ofSeconds(120));
        Duration finalAfterRestart = settled.map(wait -> Duration.between(restart, Instant.now()))
                .orElse(Duration.ofSeconds(-1));
        long stuck = shop.pending(customer);
        // Everything older than the settle time is judged; nothing may be PENDING past the saga deadline.
        Thread.sleep(2_000);
        AuditReport audit = new ConsistencyAuditor(URI.create(stack.gatewayUrl()),
                new ConsistencyRules(sagaDeadline, Duration.ofSeconds(1)), Clock.systemUTC()).audit();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rate", rate);
        result.put("orders", load.get().orders().size());
        result.put("httpErrors", load.get().latencies().errors());
        result.put("deliveryServiceHealthyAfterMs", healthyAfter.toMillis());
        result.put("allFinalAfterRestartMs", finalAfterRestart.toMillis());
        result.put("stillPending", stuck);
        result.put("audit", audit.summary());
        report.detail("recovery", result);
        System.out.println("recovery: " + result);
        boolean met = settled.isPresent() && finalAfterRestart.compareTo(TARGET) <= 0 && stuck == 0
                && audit.count(Finding.Kind.LOST) == 0 && audit.count(Finding.Kind.DUPLICATED) == 0
                && audit.count(Finding.Kind.STUCK) == 0 && audit.count(Finding.Kind.INCONSISTENT) == 0;
        report.row("Recovery", "SIGKILL delivery-service for %d s at %.0f/s".formatted(
                        settings.recoveryOutage().toSeconds(), rate),
                "all final %.1f s after restart (ready after %.1f s); pending %d; audit: %s".formatted(
                        finalAfterRestart.toMillis() / 1e3, healthyAfter.toMillis() / 1e3, stuck, audit.summary()),
                "<= 30 s, 0 stuck/lost/duplicated", met);
        return result;
    }
}
