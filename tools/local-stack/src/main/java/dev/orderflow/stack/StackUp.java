package dev.orderflow.stack;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import dev.orderflow.stack.Console.Tone;

/**
 * {@code ./stack up}: starts the stack, prints where everything is, then either returns ({@code --detach}) or
 * follows it (component state changes and saga outcomes) until Ctrl-C, which stops everything.
 */
final class StackUp {

    private final Stack stack;
    private final Console console;
    private volatile StackMonitor monitor;
    private volatile SagaLog sagaLog;

    StackUp(Stack stack, Console console) {
        this.stack = stack;
        this.console = console;
    }

    int run(boolean detach) {
        long start = System.nanoTime();
        Optional<Thread> stopper = takeCharge(detach);
        console.info("orderflow local stack (data in " + stack.settings().dataDir() + ")");
        try {
            stack.up();
        } catch (RuntimeException e) {
            if (stack.isStopping()) {
                return 1; // stopped while starting (Ctrl-C, ./stack down): the shutdown hook says so, not an error
            }
            throw e;
        } finally {
            if (detach) {
                // Up, or failed (having stopped what it started): either way what runs now runs without it.
                stopper.ifPresent(this::handOver);
            }
        }
        Banner.print(console, stack.ports(), stack.settings().dataDir());
        console.detail("up in " + Durations.format(Durations.since(start)));
        if (detach) {
            console.blank();
            console.info("Running in the background.  ./stack status  |  ./stack watch  |  ./stack demo  |  ./stack down");
            return 0;
        }
        console.blank();
        console.say("Following the stack: component changes and saga outcomes below.  Ctrl-C stops everything.", Tone.BOLD);
        follow();
        return 0;
    }

    /**
     * Until it hands over, this launcher stops everything when it ends (Ctrl-C, a closed terminal, {@code ./stack
     * down} elsewhere): a detached one while it starts the stack, a foreground one for as long as it runs. Otherwise
     * a stop during the start would leave what was started so far running, and the launcher starting more. While
     * another launcher is in charge, a foreground one is refused and a detached one starts what is missing without
     * taking charge, as it always did.
     */
    private Optional<Thread> takeCharge(boolean detach) {
        ProcessHandle self = ProcessHandle.current();
        AtomicReference<Optional<ProcessHandle>> other = new AtomicReference<>();
        StackState.update(stack.settings().dataDir(), state -> {
            other.set(state.otherLauncherInCharge(self));
            if (other.get().isEmpty()) {
                state.launcherInCharge(self);
            }
        });
        if (other.get().isPresent()) {
            if (detach) {
                return Optional.empty();
            }
            throw new StackException("./stack up already runs in another terminal (pid " + other.get().get().pid()
                    + "); use ./stack status there, or ./stack down");
        }
        Thread stopper = new Thread(this::stopEverything, "stack-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        return Optional.of(stopper);
    }

    /** What runs now runs on without this launcher. */
    private void handOver(Thread stopper) {
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException shuttingDown) {
            return; // stopped while starting: the hook stops everything
        }
        StackState.update(stack.settings().dataDir(), state -> state.noLauncherInCharge(ProcessHandle.current()));
    }

    private void follow() {
        monitor = new StackMonitor(stack, console);
        sagaLog = new SagaLog(stack.ports().kafka(), console);
        Thread sagaThread = new Thread(sagaLog, "saga-log");
        sagaThread.setDaemon(true);
        sagaThread.start();
        monitor.run();
    }

    private void stopEverything() {
        stack.beginShutdown();
        if (monitor != null) {
            monitor.stop();
        }
        if (sagaLog != null) {
            sagaLog.stop();
        }
        if (stack.anyRunning()) {
            console.blank();
            console.say("Stopping everything ...", Tone.BOLD);
            long start = System.nanoTime();
            stack.down();
            console.say("Stopped in " + Durations.format(Durations.since(start)) + "; the data stays in "
                    + stack.settings().dataDir() + ".", Tone.BOLD);
        }
        StackState.update(stack.settings().dataDir(), state -> state.noLauncherInCharge(ProcessHandle.current()));
        Stack.pause(Duration.ofMillis(50));
    }
}
