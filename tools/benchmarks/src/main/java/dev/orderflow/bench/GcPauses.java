package dev.orderflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stop-the-world collections of each service between two points of a run, read from its Prometheus endpoint
 * on its management port (Micrometer's {@code jvm.gc.pause}, by action and cause). A full collection of the serial collector holds a
 * service for a few hundred milliseconds on two busy cores: every saga in flight waits for it, which is what a
 * latency tail is made of.
 */
final class GcPauses {

    /** Pauses of one kind, e.g. "full (Metadata GC Threshold)": how many and how long in all. */
    record Pauses(long count, double seconds) {

        Pauses plus(Pauses other) {
            return new Pauses(count + other.count, seconds + other.seconds);
        }

        Pauses minus(Pauses earlier) {
            return new Pauses(count - earlier.count, seconds - earlier.seconds);
        }
    }

    private static final Pattern SERIES = Pattern.compile(
            "^jvm_gc_pause_seconds_(count|sum)\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Map<String, String> prometheusUrls;
    private Map<String, Map<String, Pauses>> lastReading;

    private GcPauses(Map<String, String> prometheusUrls) {
        this.prometheusUrls = prometheusUrls;
        this.lastReading = read();
    }

    /** Counting from now; {@code managementUrls}: each service's id and the base URL of its management port. */
    static GcPauses from(Map<String, String> managementUrls) {
        Map<String, String> prometheusUrls = new LinkedHashMap<>();
        managementUrls.forEach((service, url) -> prometheusUrls.put(service, url + "/actuator/prometheus"));
        return new GcPauses(prometheusUrls);
    }

    /** Adds a row (and a detail) with each service's pauses since the last report, or since {@link #from}. */
    void reportSinceLast(BenchReport report, String during) {
        lastReading = reportSince(report, during, lastReading);
    }

    /** Adds a row (and a detail) with each service's pauses since it started: its start and warm-up included. */
    void reportSinceStart(BenchReport report, String during) {
        lastReading = reportSince(report, during, Map.of());
    }

    private Map<String, Map<String, Pauses>> reportSince(BenchReport report, String during,
                                                         Map<String, Map<String, Pauses>> earlier) {
        Map<String, Map<String, Pauses>> now = read();
        Map<String, Map<String, Pauses>> between = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        now.forEach((service, pauses) -> {
            Map<String, Pauses> added = between(pauses, earlier.getOrDefault(service, Map.of()));
            between.put(service, added);
            lines.add(service + " " + describe(added));
        });
        report.detail("gcPauses " + during, between);
        report.row("GC pauses", during, String.join("; ", lines));
        return now;
    }

    /** Each service's pauses since it started, by kind. */
    private Map<String, Map<String, Pauses>> read() {
        Map<String, Map<String, Pauses>> byService = new LinkedHashMap<>();
        prometheusUrls.forEach((service, url) -> byService.put(service, parse(scrape(url))));
        return byService;
    }

    /** The pauses of a Prometheus scrape by kind: "young" or "full", with the collector's cause. */
    static Map<String, Pauses> parse(String prometheus) {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, Double> sums = new TreeMap<>();
        Matcher series = SERIES.matcher(prometheus);
        while (series.find()) {
            Map<String, String> labels = new LinkedHashMap<>();
            Matcher label = LABEL.matcher(series.group(2));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            String kind = (labels.getOrDefault("action", "").contains("major") ? "full" : "young")
                    + " (" + labels.getOrDefault("cause", "unknown") + ")";
            double value = Double.parseDouble(series.group(3));
            if (series.group(1).equals("count")) {
                counts.merge(kind, (long) value, Long::sum);
            } else {
                sums.merge(kind, value, Double::sum);
            }
        }
        Map<String, Pauses> pauses = new TreeMap<>();
        counts.forEach((kind, count) -> pauses.put(kind, new Pauses(count, sums.getOrDefault(kind, 0.0))));
        return pauses;
    }

    /** What happened between two readings of one service; kinds that did not occur in between are left out. */
    static Map<String, Pauses> between(Map<String, Pauses> now, Map<String, Pauses> earlier) {
        Map<String, Pauses> added = new TreeMap<>();
        now.forEach((kind, total) -> {
            Pauses difference = total.minus(earlier.getOrDefault(kind, new Pauses(0, 0)));
            if (difference.count() > 0) {
                added.put(kind, difference);
            }
        });
        return added;
    }

    /** "41 young 612 ms, 1 full 416 ms (Metadata GC Threshold)": young ones summed, full ones by cause. */
    static String describe(Map<String, Pauses> pauses) {
        Pauses young = new Pauses(0, 0);
        List<String> full = new ArrayList<>();
        for (Map.Entry<String, Pauses> kind : pauses.entrySet()) {
            if (kind.getKey().startsWith("young")) {
                young = young.plus(kind.getValue());
            } else {
                full.add("%d full %.0f ms %s".formatted(kind.getValue().count(), kind.getValue().seconds() * 1e3,
                        kind.getKey().substring("full ".length())));
            }
        }
        String youngPart = "%d young %.0f ms".formatted(young.count(), young.seconds() * 1e3);
        return full.isEmpty() ? youngPart + ", no full" : youngPart + ", " + String.join(", ", full);
    }

    private static String scrape(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + url, e);
        }
    }
}
