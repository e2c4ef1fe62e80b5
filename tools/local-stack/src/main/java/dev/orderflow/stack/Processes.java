package dev.orderflow.stack;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Starting and stopping the stack's operating-system processes. */
final class Processes {

    /** How a stop ended, for the user: "stopped (SIGTERM) in 1.4 s", or that it had to be killed. */
    record Stopped(String how, Duration took) {

        static Stopped signalled(boolean killRequested, boolean forced, Duration took) {
            return new Stopped(killRequested ? "killed (SIGKILL)" : forced ? "did not stop in time, killed (SIGKILL)"
                    : "stopped (SIGTERM)", took);
        }

        String describe() {
            return how + " in " + Durations.format(took);
        }
    }

    private static final Optional<Path> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid")
            .map(Path::of).filter(Files::isExecutable).findFirst();

    private Processes() {
    }

    /**
     * Starts a long-running process with its output appended to the log. On Linux it gets its own session: Ctrl-C
     * in the terminal reaches only the launcher, which then stops everything in order, and the process outlives a
     * launcher that returns ({@code --detach}).
     */
    static Process startInBackground(List<String> command, Map<String, String> environment, Path log) {
        List<String> full = new ArrayList<>();
        SETSID.ifPresent(setsid -> full.add(setsid.toString()));
        full.addAll(command);
        return start(full, environment, log);
    }

    /** Runs a short command to completion, its output appended to the log; returns its exit code. */
    static int run(List<String> command, Map<String, String> environment, Path log, Duration timeout) {
        Process process = start(command, environment, log);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new StackException(String.join(" ", command) + " did not finish within " + Durations.format(timeout));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new StackException("interrupted while running " + command.get(0));
        }
    }

    /**
     * SIGTERM (SIGKILL with {@code kill}) and wait; a process still alive after the grace period is killed. A kill
     * takes the process's children with it (Keycloak's JVM is a child of its start script), as a crash of the
     * machine they run on would.
     */
    static Stopped stop(ProcessHandle process, boolean kill, Duration grace) {
        long start = System.nanoTime();
        if (kill) {
            killWithDescendants(process);
        } else {
            process.destroy();
        }
        boolean forced = kill;
        if (!awaitExit(process, kill ? Duration.ofSeconds(10) : grace) && !kill) {
            killWithDescendants(process);
            forced = true;
            awaitExit(process, Duration.ofSeconds(10));
        }
        return Stopped.signalled(kill, forced, Duration.ofNanos(System.nanoTime() - start));
    }

    private static void killWithDescendants(ProcessHandle process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static Process start(List<String> command, Map<String, String> environment, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(log.toFile()))
                    .redirectInput(Redirect.from(nullDevice()));
            builder.environment().putAll(environment);
            return builder.start();
        } catch (IOException e) {
            throw new StackException("could not run " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** Starts a fresh log for a new run; the previous run's stays beside it as {@code <log>.1}. */
    static void rotate(Path log) {
        try {
            Files.createDirectories(log.getParent());
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StackException("could not rotate " + log + ": " + e.getMessage(), e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
