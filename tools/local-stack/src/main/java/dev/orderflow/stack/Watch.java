package dev.orderflow.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** {@code ./stack watch}: a one-screen summary of the running system, read again and redrawn every interval. */
final class Watch {

    static final long FOREVER = Long.MAX_VALUE;

    private final SnapshotReader reader;
    private final WatchScreen screen;
    private final Console console;

    Watch(Stack stack, Console console) {
        this.reader = new SnapshotReader(stack);
        this.screen = new WatchScreen(console);
        this.console = console;
    }

    /** Draws {@code screens} screens, one every {@code interval}; a single screen is printed, never cleared. */
    void run(Duration interval, long screens) throws InterruptedException {
        Optional<SystemSnapshot> previous = Optional.empty();
        for (long drawn = 0; drawn < screens; drawn++) {
            if (drawn > 0) {
                // the interval runs from one reading to the next, however long a reading takes
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), previous.get().at().plus(interval)).toMillis()));
            }
            SystemSnapshot current = reader.read();
            if (screens > 1) {
                console.newScreen();
            }
            screen.render(previous, current, interval).forEach(console::info);
            previous = Optional.of(current);
        }
    }
}
