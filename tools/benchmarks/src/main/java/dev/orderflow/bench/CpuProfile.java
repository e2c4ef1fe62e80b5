package dev.orderflow.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Where the CPU goes while the load runs: CPU seconds of every process of the stack (PostgreSQL with its
 * backends), and a JFR execution-sample profile of a service summarised as its top leaf frames and the
 * libraries on the stacks (inclusive: a sample counts once for each library it passes through).
 */
final class CpuProfile {

    /** What a sample passes through, by package prefix: the questions a profile of these services answers. */
    static final Map<String, List<String>> COMPONENTS = new LinkedHashMap<>();

    static {
        COMPONENTS.put("Hibernate/JPA", List.of("org.hibernate.", "jakarta.persistence.", "org.springframework.orm."));
        COMPONENTS.put("JDBC driver", List.of("org.postgresql."));
        COMPONENTS.put("Hikari pool", List.of("com.zaxxer.hikari."));
        COMPONENTS.put("Kafka client", List.of("org.apache.kafka."));
        COMPONENTS.put("spring-kafka listener", List.of("org.springframework.kafka."));
        COMPONENTS.put("JSON (Jackson)", List.of("tools.jackson.", "com.fasterxml.jackson."));
        COMPONENTS.put("tracing/observation", List.of("io.micrometer.tracing.", "io.opentelemetry.",
                "io.micrometer.observation."));
        COMPONENTS.put("metrics", List.of("io.micrometer.core."));
        COMPONENTS.put("logging", List.of("ch.qos.logback.", "org.slf4j.", "org.apache.logging."));
        COMPONENTS.put("Tomcat + Spring MVC", List.of("org.apache.tomcat.", "org.apache.catalina.",
                "org.apache.coyote.", "org.springframework.web.servlet."));
        COMPONENTS.put("Netty/Reactor", List.of("io.netty.", "reactor."));
        COMPONENTS.put("Spring Cloud Gateway", List.of("org.springframework.cloud.gateway."));
        COMPONENTS.put("Resilience4j", List.of("io.github.resilience4j."));
        COMPONENTS.put("transactions (Spring tx)", List.of("org.springframework.transaction."));
        COMPONENTS.put("orderflow code", List.of("dev.orderflow."));
    }

    private final Path jdkBin = Path.of(System.getProperty("java.home"), "bin");

    /** CPU time consumed so far by the process and its children. */
    static Duration cpu(long pid) {
        return ProcessHandle.of(pid).map(process -> {
            Duration total = process.info().totalCpuDuration().orElse(Duration.ZERO);
            for (ProcessHandle child : process.descendants().toList()) {
                total = total.plus(child.info().totalCpuDuration().orElse(Duration.ZERO));
            }
            return total;
        }).orElse(Duration.ZERO);
    }

    boolean start(long pid, Path file) {
        return run(List.of(jdkBin.resolve("jcmd").toString(), Long.toString(pid), "JFR.start", "name=bench",
                "settings=profile", "filename=" + file)).isPresent();
    }

    void stop(long pid) {
        run(List.of(jdkBin.resolve("jcmd").toString(), Long.toString(pid), "JFR.stop", "name=bench"));
    }

    /** Top leaf frames and top libraries (by share of samples) of a recording. */
    Map<String, Object> summarise(Path file, int top) {
        Optional<String> printed = run(List.of(jdkBin.resolve("jfr").toString(), "print", "--events",
                "jdk.ExecutionSample", "--stack-depth", "64", file.toString()));
        if (printed.isEmpty()) {
            return Map.of("error", "jfr print failed");
        }
        return summarise(printed.get().lines().toList(), top);
    }

    static Map<String, Object> summarise(List<String> lines, int top) {
        Map<String, Integer> leaves = new HashMap<>();
        Map<String, Integer> libraries = new HashMap<>();
        Map<String, Integer> components = new HashMap<>();
        Set<String> componentsSeen = new HashSet<>();
        int samples = 0;
        boolean inStack = false;
        boolean leaf = false;
        Set<String> seen = new HashSet<>();
        for (String raw : lines) {
            String line = raw.trim();
            if (line.startsWith("stackTrace = [")) {
                inStack = true;
                leaf = true;
                seen.clear();
                componentsSeen.clear();
                samples++;
                continue;
            }
            if (!inStack) {
                continue;
            }
            if (line.startsWith("]") || line.equals("...")) {
                inStack = !line.startsWith("]");
                continue;
            }
            String frame = line.replaceAll("\\s+line:.*$", "");
            if (leaf) {
                leaves.merge(frame, 1, Integer::sum);
                leaf = false;
            }
            String library = library(frame);
            if (seen.add(library)) {
                libraries.merge(library, 1, Integer::sum);
            }
            COMPONENTS.forEach((component, prefixes) -> {
                if (prefixes.stream().anyMatch(frame::startsWith) && componentsSeen.add(component)) {
                    components.merge(component, 1, Integer::sum);
                }
            });
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("samples", samples);
        summary.put("topLeafFrames", topOf(leaves, samples, top));
        summary.put("components", topOf(components, samples, COMPONENTS.size()));
        summary.put("libraries", topOf(libraries, samples, top));
        return summary;
    }

    /** The first three parts of the package: org.hibernate.engine, dev.orderflow.messaging, ... */
    static String library(String frame) {
        String qualified = frame.contains("(") ? frame.substring(0, frame.indexOf('(')) : frame;
        String[] parts = qualified.split("\\.");
        int keep = Math.min(3, Math.max(1, parts.length - 2));
        return String.join(".", java.util.Arrays.copyOf(parts, keep));
    }

    private static List<String> topOf(Map<String, Integer> counts, int samples, int top) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        return entries.stream().limit(top)
                .map(entry -> "%4.1f%% %s".formatted(100.0 * entry.getValue() / Math.max(1, samples), entry.getKey()))
                .toList();
    }

    private static Optional<String> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                System.out.println(String.join(" ", command) + " failed: " + out);
                return Optional.empty();
            }
            return Optional.of(out);
        } catch (IOException e) {
            System.out.println(String.join(" ", command) + " failed: " + e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
