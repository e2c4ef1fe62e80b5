package dev.orderflow.stack;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Everything the launcher prints: timestamped lines per component ("12:00:03  kafka  healthy"), narration and
 * errors, in colour only on a terminal (and never with NO_COLOR set).
 */
public final class Console {

    enum Tone {
        PLAIN(""), GOOD("32"), BAD("31"), WARN("33"), SAGA("36"), DIM("2"), BOLD("1");

        private final String code;

        Tone(String code) {
            this.code = code;
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintStream out;
    private final boolean colour;

    Console(PrintStream out, boolean colour) {
        this.out = out;
        this.colour = colour;
    }

    public static Console standard() {
        return new Console(System.out, Terminal.supportsColour());
    }

    /** Standard error, for what goes wrong. */
    public static Console errors() {
        return new Console(System.err, Terminal.supportsColour());
    }

    /** Output for tests and tools: plain text on the given stream. */
    public static Console plain(PrintStream out) {
        return new Console(out, false);
    }

    /** "12:00:03  order-service      healthy in 14.2 s" */
    synchronized void event(String source, String message, Tone tone) {
        out.println(paint(LocalTime.now().format(TIME), Tone.DIM) + "  "
                + paint(String.format(Locale.ROOT, "%-17s", source), Tone.BOLD) + paint(message, tone));
    }

    synchronized void info(String message) {
        out.println(message);
    }

    synchronized void detail(String message) {
        out.println(paint("  " + message, Tone.DIM));
    }

    synchronized void headline(String message) {
        out.println();
        out.println(paint(message, Tone.BOLD));
    }

    synchronized void say(String message, Tone tone) {
        out.println(paint(message, tone));
    }

    synchronized void error(StackException error) {
        out.println(paint("error: " + error.getMessage(), Tone.BAD));
        error.details().forEach(line -> out.println("  | " + line));
    }

    /** A new screen: cleared on a terminal, a blank line between screens otherwise (a log, a pipe). */
    synchronized void newScreen() {
        out.print(colour ? "\u001b[H\u001b[2J" : System.lineSeparator());
        out.flush();
    }

    synchronized void blank() {
        out.println();
    }

    String paint(String text, Tone tone) {
        return colour && tone != Tone.PLAIN ? "\u001b[" + tone.code + "m" + text + "\u001b[0m" : text;
    }
}
