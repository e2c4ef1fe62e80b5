package dev.orderflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.orderflow.stack.Component;

/**
 * Per service: the time from process start to ready (Spring Boot's own "process running for" of its Started
 * line, measured from the JVM's start; readiness is set right after it), from the jar as it is and from the
 * launcher's startup cache (AOT cache on JDK 25), and the resident memory after the warm-up ({@code VmRSS} of
 * {@code /proc/<pid>/status}).
 */
final class StartupFootprint {

    static final double READY_TARGET_SECONDS = 2.5;
    static final long RSS_TARGET_MB = 300;
    private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

    private final BenchStack stack;

    StartupFootprint(BenchStack stack) {
        this.stack = stack;
    }

    /** The last start of the service as its log tells it: seconds from process start to started. */
    static Optional<Double> startedAfter(List<String> log) {
        Optional<Double> last = Optional.empty();
        for (String line : log) {
            Matcher matcher = STARTED.matcher(line);
            if (matcher.find()) {
                last = Optional.of(Double.parseDouble(matcher.group(2)));
            }
        }
        return last;
    }

    static Optional<Long> residentMegabytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Restarts each service alone (the stack starts all three at once, sharing two cores), then reads its start
     * time from the log and its resident memory after a short warm-up.
     */
    Map<String, Object> measure(BenchReport report, String label, boolean restartEach, Runnable warmUp)
            throws IOException {
        Map<String, Object> parallel = new LinkedHashMap<>();
        for (Component service : Component.services()) {
            parallel.put(service.id(), startedAfter(Files.readAllLines(stack.logOf(service))).orElse(-1.0));
        }
        report.detail("readySecondsWhenStartedTogether", parallel);
        report.row("Startup and footprint", "ready, all three started together by the launcher", parallel.toString());
        Map<String, Object> alone = new LinkedHashMap<>(parallel);
        Map<String, Object> withoutCache = new LinkedHashMap<>();
        for (Component service : restartEach ? Component.services() : List.<Component>of()) {
            stack.restart(service, Map.of(), false);
            withoutCache.put(service.id(), startedAfter(Files.readAllLines(stack.logOf(service))).orElse(-1.0));
        }
        // Then each again from its startup cache, as the launcher runs them; the rest of the run measures these.
        for (Component service : restartEach ? Component.services() : List.<Component>of()) {
            stack.restart(service, Map.of(), true);
            alone.put(service.id(), startedAfter(Files.readAllLines(stack.logOf(service))).orElse(-1.0));
        }
        if (restartEach) {
            report.detail("readySecondsAloneWithoutStartupCache", withoutCache);
            report.row("Startup and footprint", "ready, each started alone from its jar (no startup cache)",
                    withoutCache.toString());
        }
        warmUp.run();
        Map<String, Object> result = new LinkedHashMap<>();
        for (Component service : Component.services()) {
            Optional<Double> ready = Optional.of((Double) alone.get(service.id())).filter(s -> s >= 0);
            Optional<Long> rss = stack.pid(service).flatMap(StartupFootprint::residentMegabytes);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("readySeconds", ready.orElse(-1.0));
            one.put("residentMb", rss.orElse(-1L));
            one.put("environment", stack.environmentOf(service).keySet());
            result.put(service.id(), one);
            boolean met = ready.map(s -> s <= READY_TARGET_SECONDS).orElse(false)
                    && rss.map(mb -> mb <= RSS_TARGET_MB).orElse(false);
            report.row("Startup and footprint", service.id() + " " + label,
                    "ready %.2f s, RSS %d MB".formatted(ready.orElse(-1.0), rss.orElse(-1L)),
                    "<= 2.5 s, <= 300 MB", met);
        }
        report.detail("startupFootprint " + label, result);
        System.out.println("startup and footprint " + label + ": " + result);
        return result;
    }
}
