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

    private final BearerToken token;

    Recovery(BenchStack stack, Settings settings, Duration sagaDeadline, BearerToken token) {
        this.stack = stack;
        this.token = token;
        this.shop = new Shop(stack.gatewayUrl() + "/api/orders", token);
        this.settings = settings;
        this.sagaDeadline = sagaDeadline;
    }

    Map<String, Object> measure(BenchReport report, double sustained) throws Exception {
        double rate = Math.max(1, sustained / 2);
        Duration total = settings.recoveryBefore().plus(settings.recoveryOutage()).plus(settings.recoveryAfter());
        AtomicReference<SagaThroughput.Load> load = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread loader = Thread.ofPlatform().name("recovery-load").start(() -> {
            try {
                load.set(SagaThroughput.load(shop, rate, total));
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
        Optional<Duration> settled = shop.awaitSettled(Duration.ofSeconds(120));
        Duration finalAfterRestart = settled.map(wait -> Duration.between(restart, Instant.now()))
                .orElse(Duration.ofSeconds(-1));
        long stuck = shop.pending();
        // Everything older than the settle time is judged; nothing may be PENDING past the saga deadline.
        Thread.sleep(2_000);
        // As the automation client, an operator: every order of the system, not only the benchmark's.
        AuditReport audit = new ConsistencyAuditor(URI.create(stack.gatewayUrl()), token::value,
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
