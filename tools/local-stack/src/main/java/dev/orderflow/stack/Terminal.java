package dev.orderflow.stack;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether standard output is a terminal that understands ANSI colours. */
final class Terminal {

    private Terminal() {
    }

    static boolean supportsColour() {
        if (System.getenv("NO_COLOR") != null || "dumb".equals(System.getenv("TERM"))
                || System.getProperty("os.name").startsWith("Windows") && System.getenv("WT_SESSION") == null) {
            return false;
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a Console even when output is redirected; isTerminal() tells the difference.
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
