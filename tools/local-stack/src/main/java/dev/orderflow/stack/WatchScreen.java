package dev.orderflow.stack;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.orderflow.stack.Console.Tone;
import dev.orderflow.stack.SystemSnapshot.ServiceFigures;

/** One screen of {@code ./stack watch}: a {@link SystemSnapshot}, with rates against the one before it. */
final class WatchScreen {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final String ROW = "%-17s %14s %10s %13s %13s";

    private final Console console;

    WatchScreen(Console console) {
        this.console = console;
    }

    List<String> render(Optional<SystemSnapshot> previous, SystemSnapshot current, Duration interval) {
        List<String> lines = new ArrayList<>();
        lines.add(console.paint("orderflow", Tone.BOLD) + "  " + LocalTime.ofInstant(current.at(), ZoneId.systemDefault())
                .format(TIME) + console.paint("   refreshed every " + Durations.format(interval) + ", Ctrl-C quits",
                Tone.DIM));
        lines.add("");
        lines.add(states("orders", current.orders(), SystemSnapshot.ORDER_STATES) + rates(previous, current));
        lines.add(states("deliveries", current.deliveries(), SystemSnapshot.DELIVERY_STATES));
        lines.add("");
        lines.add(console.paint(String.format(Locale.ROOT, ROW, "", "outbox backlog", "oldest", "dead letters",
                "consumer lag"), Tone.DIM));
        current.services().forEach(figures -> lines.add(messaging(figures)));
        lines.add("");
        lines.add(label("breakers") + breakers(current.breakers()));
        lines.add(label("components") + current.components().stream()
                .map(status -> status.component().id() + " " + console.paint(status.health().label(), StatusReport.tone(status.health())))
                .collect(Collectors.joining("  ")));
        return lines;
    }

    private String states(String name, Map<String, Long> counts, List<String> states) {
        if (counts.isEmpty()) {
            return label(name) + console.paint("unknown: no answer through the gateway", Tone.BAD);
        }
        return label(name) + states.stream()
                .map(state -> state.toLowerCase(Locale.ROOT) + " " + Optional.ofNullable(counts.get(state))
                        .map(count -> String.format(Locale.ROOT, "%,d", count)).orElse("?"))
                .collect(Collectors.joining("   "));
    }

    /** Orders placed and sagas finished per second since the previous screen; nothing when a count is missing. */
    private static String rates(Optional<SystemSnapshot> previous, SystemSnapshot current) {
        if (previous.isEmpty() || !previous.get().hasAllOrderCounts() || !current.hasAllOrderCounts()) {
            return "";
        }
        double seconds = Duration.between(previous.get().at(), current.at()).toMillis() / 1000.0;
        if (seconds <= 0) {
            return "";
        }
        long placed = total(current) - total(previous.get());
        long finished = finished(current) - finished(previous.get());
        return String.format(Locale.ROOT, "   (%.1f placed/s, %.1f finished/s)", placed / seconds, finished / seconds);
    }

    private static long total(SystemSnapshot snapshot) {
        return snapshot.orders().values().stream().mapToLong(Long::longValue).sum();
    }

    private static long finished(SystemSnapshot snapshot) {
        return snapshot.orders().get("CONFIRMED") + snapshot.orders().get("CANCELLED");
    }

    private String messaging(ServiceFigures figures) {
        String row = String.format(Locale.ROOT, ROW, figures.service().id(), number(figures.outboxRows(), " rows"),
                number(figures.oldestUnsentSeconds(), " s"), number(figures.deadLettered(), ""),
                number(figures.consumerLag(), ""));
        boolean troubled = positive(figures.deadLettered()) || figures.oldestUnsentSeconds().orElse(0) >= 5;
        return figures.outboxRows().isEmpty() ? console.paint(row + "   (not answering)", Tone.BAD)
                : troubled ? console.paint(row, Tone.WARN) : row;
    }

    private String breakers(Map<String, String> breakers) {
        if (breakers.isEmpty()) {
            return console.paint("unknown: the gateway does not answer", Tone.BAD);
        }
        return new TreeMap<>(breakers).entrySet().stream()
                .map(breaker -> breaker.getKey() + " " + console.paint(breaker.getValue(),
                        "CLOSED".equals(breaker.getValue()) ? Tone.GOOD : "OPEN".equals(breaker.getValue()) ? Tone.BAD
                                : Tone.WARN))
                .collect(Collectors.joining("   "));
    }

    private String label(String name) {
        return console.paint(String.format(Locale.ROOT, "%-12s", name), Tone.BOLD);
    }

    private static String number(OptionalDouble value, String unit) {
        if (value.isEmpty()) {
            return "-";
        }
        double number = value.getAsDouble();
        return (number == Math.rint(number) ? String.format(Locale.ROOT, "%,d", (long) number)
                : String.format(Locale.ROOT, "%.1f", number)) + unit;
    }

    private static boolean positive(OptionalDouble value) {
        return value.orElse(0) > 0;
    }
}
