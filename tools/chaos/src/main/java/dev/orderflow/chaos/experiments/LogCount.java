package dev.orderflow.chaos.experiments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/** Evidence from a service's log: how many lines mention something (a rebalance, a dead letter). */
final class LogCount {

    private LogCount() {
    }

    static long linesContaining(Path log, String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.toLowerCase(Locale.ROOT).contains(wanted)).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }
}
