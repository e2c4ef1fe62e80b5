package dev.orderflow.testinfra;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A parsed {@code /actuator/prometheus} page (text exposition format), for asserting on metrics by name. */
public final class PrometheusScrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+).*$");

    private record Sample(String name, String labels, double value) {
    }

    private final List<Sample> samples;

    private PrometheusScrape(List<Sample> samples) {
        this.samples = samples;
    }

    public static PrometheusScrape parse(String page) {
        return new PrometheusScrape(page.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(SAMPLE::matcher)
                .filter(Matcher::matches)
                .map(match -> new Sample(match.group(1), match.group(3) == null ? "" : match.group(3),
                        Double.parseDouble(match.group(4))))
                .toList());
    }

    public static PrometheusScrape of(HttpTestClient service) {
        HttpTestClient.Response response = service.get("/actuator/prometheus");
        if (response.status() != 200) {
            throw new IllegalStateException("scrape failed: " + response.status() + " " + response.body());
        }
        return parse(response.body());
    }

    /** The sum of the samples of {@code name} that carry all the given labels (e.g. {@code reason="X"}). */
    public double sum(String name, String... labels) {
        return samples.stream()
                .filter(sample -> sample.name().equals(name))
                .filter(sample -> Arrays.stream(labels).allMatch(label -> sample.labels().contains(label)))
                .mapToDouble(Sample::value)
                .sum();
    }

    public boolean has(String name) {
        return samples.stream().anyMatch(sample -> sample.name().equals(name));
    }

    public Set<String> names() {
        return samples.stream().map(Sample::name).collect(Collectors.toSet());
    }

    public Map<String, Double> byLabels(String name) {
        return samples.stream().filter(sample -> sample.name().equals(name))
                .collect(Collectors.toMap(Sample::labels, Sample::value, Double::sum));
    }
}
