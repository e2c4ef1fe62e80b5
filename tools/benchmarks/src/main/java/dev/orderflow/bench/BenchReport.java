package dev.orderflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The results of one run: a table row per number (with its target, where the issue sets one) and the details
 * behind them, written as {@code results.json} and {@code results.md}.
 */
final class BenchReport {

    /** One line of the table; {@code met} is null where there is no target. */
    record Row(String measurement, String metric, String value, String target, Boolean met) {
    }

    private final Map<String, Object> machine;
    private final Map<String, Object> configuration;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();

    BenchReport(Map<String, Object> machine, Map<String, Object> configuration) {
        this.machine = machine;
        this.configuration = configuration;
    }

    synchronized void row(String measurement, String metric, String value) {
        rows.add(new Row(measurement, metric, value, "", null));
    }

    synchronized void row(String measurement, String metric, String value, String target, boolean met) {
        rows.add(new Row(measurement, metric, value, target, met));
    }

    synchronized void detail(String key, Object value) {
        details.put(key, value);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", machine);
        json.put("configuration", configuration);
        json.put("results", rows);
        json.put("details", details);
        Files.writeString(directory.resolve("results.json"), JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(json));
        Files.writeString(directory.resolve("results.md"), markdown());
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# orderflow benchmark\n\n");
        md.append("Machine: ");
        machine.forEach((key, value) -> md.append(key).append(" ").append(value).append("; "));
        md.append("\n\n| Measurement | Metric | Value | Target | Met |\n| --- | --- | --- | --- | --- |\n");
        for (Row row : rows) {
            md.append("| ").append(row.measurement()).append(" | ").append(row.metric()).append(" | ")
                    .append(row.value()).append(" | ").append(row.target()).append(" | ")
                    .append(row.met() == null ? "" : row.met() ? "yes" : "**no**").append(" |\n");
        }
        md.append("\nConfiguration:\n\n");
        configuration.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        return md.toString();
    }
}
