package dev.orderflow.stack;

import java.util.List;
import java.util.Locale;

import dev.orderflow.stack.ComponentStatus.Health;
import dev.orderflow.stack.Console.Tone;

/** The table of {@code ./stack status}. */
final class StatusReport {

    private StatusReport() {
    }

    static void print(List<ComponentStatus> statuses, java.nio.file.Path dataDir, Console console) {
        console.info("orderflow local stack, data in " + dataDir);
        console.info(String.format(Locale.ROOT, "%-17s %-8s %-6s %-11s %-10s %s", "COMPONENT", "PID", "PORT",
                "MANAGEMENT", "HEALTH", "UPTIME"));
        for (ComponentStatus status : statuses) {
            String line = String.format(Locale.ROOT, "%-17s %-8s %-6d %-11s %-10s %-12s %s", status.component().id(),
                    status.pid().map(String::valueOf).orElse("-"), status.port(),
                    status.managementPort().map(String::valueOf).orElse("-"), status.health().label(),
                    status.uptime().map(Durations::format).orElse("-"), status.detail());
            console.say(line.stripTrailing(), tone(status.health()));
        }
        if (statuses.stream().noneMatch(status -> status.pid().isPresent())) {
            console.detail("nothing runs; ./stack up starts everything");
        }
    }

    static Tone tone(Health health) {
        switch (health) {
            case HEALTHY:
                return Tone.GOOD;
            case STARTING:
                return Tone.WARN;
            default:
                return Tone.BAD;
        }
    }
}
