package dev.orderflow.audit;

import java.time.Duration;

/** Durations as the command lines of the audit and the chaos experiments take them. */
public final class DurationText {

    private DurationText() {
    }

    /** {@code 500ms}, {@code 30s} (or {@code 30}), {@code 2m}, {@code 1h}. */
    public static Duration parse(String text) {
        String digits = text.replaceAll("[a-z]+$", "");
        long amount = Long.parseLong(digits);
        return switch (text.substring(digits.length())) {
            case "ms" -> Duration.ofMillis(amount);
            case "s", "" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("not a duration: " + text + " (use 500ms, 30s, 2m)");
        };
    }
}
