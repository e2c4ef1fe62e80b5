package dev.orderflow.stack;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.orderflow.stack.Console.Tone;

/**
 * Trains services' startup caches on sagas, not on their start alone: a cache then holds the classes and method
 * profiles of the request, event and relay paths too, so that a service compiles them at once after a start
 * instead of spending its first minutes profiling them (docs/performance.md, "Warm-up"). The services run in a
 * stack of their own, under {@code <data dir>/training} with its own PostgreSQL, Kafka and free ports, so that
 * nothing of the training reaches the stack's data; they are given orders through that stack's gateway
 * ({@link TrainingWorkload}), then stopped, which makes each trained JVM write its cache, and the training stack
 * is deleted.
 */
final class StartupCacheTraining {

    /** A service to train if its cache is missing or stale: the cache, and the jar and settings it must match. */
    record Trainee(Component service, StartupCache cache, Path jar, List<String> jvmOptions,
                   Map<String, String> environment) {

        boolean isFresh() {
            return cache.isFresh(jar, jvmOptions, environment);
        }

        boolean trained(String trainedOn) {
            return cache.trained(jar, jvmOptions, environment, trainedOn);
        }
    }

    private static final String DIRECTORY = "training";
    private static final String SOURCE = "startup-cache";

    private final StackSettings settings;
    private final Console console;
    private final List<Trainee> trainees;
    private final Stack stack;
    private volatile boolean cancelled;

    StartupCacheTraining(StackSettings settings, Console console, List<Trainee> trainees) {
        this.settings = settings;
        this.console = console;
        this.trainees = List.copyOf(trainees);
        this.stack = new Stack(scratch(settings), silent(),
                trainees.stream().map(Trainee::service).collect(Collectors.toSet()));
    }

    /**
     * Stops and deletes the training stack of a training that was stopped (Ctrl-C, {@code ./stack down}) or whose
     * launcher was killed, if any: its caches are not kept, its processes are killed.
     */
    static void discardLeftIn(StackSettings settings) {
        if (Files.exists(settings.dataDir().resolve(DIRECTORY).resolve(StackState.FILE_NAME))) {
            new Stack(scratch(settings), silent()).discard();
        }
    }

    void run() {
        long start = System.nanoTime();
        String services = trainees.stream().map(trainee -> trainee.service().id()).collect(Collectors.joining(", "));
        console.event(SOURCE, "training " + services + " on " + Durations.format(settings.cacheTraining())
                + " of orders in a stack of their own (once per build, JDK and JVM options)", Tone.DIM);
        TrainingWorkload.Outcome outcome;
        try {
            stack.discard(); // whatever an interrupted training left
            stack.up();
            outcome = TrainingWorkload.run(GatewayClient.automation(stack.ports()), settings.cacheTraining(),
                    () -> cancelled);
        } catch (StackException e) {
            if (!cancelled) {
                stack.down();
                console.event(SOURCE, "training failed: " + e.getMessage() + " (its logs: "
                        + settings.dataDir().resolve(DIRECTORY).resolve("logs") + ")", Tone.WARN);
            }
            return;
        }
        if (cancelled) {
            return; // the stack's own shutdown discards this one (Stack.down)
        }
        stack.reset(); // the trained JVMs write their caches as they exit, then the training stack is deleted
        String trainedOn = outcome.describe() + " in " + Durations.format(settings.cacheTraining());
        List<String> untrained = trainees.stream().filter(trainee -> !trainee.trained(trainedOn))
                .map(trainee -> trainee.service().id()).collect(Collectors.toList());
        if (!untrained.isEmpty()) {
            console.event(SOURCE, "no cache written by " + String.join(", ", untrained), Tone.WARN);
        }
        console.event(SOURCE, "trained in " + Durations.format(Durations.since(start)) + " on " + trainedOn,
                outcome.sagas() > 0 ? Tone.DIM : Tone.WARN);
    }

    /** Ctrl-C: the training ends as soon as it can, and no cache is marked as made. */
    void cancel() {
        cancelled = true;
        stack.beginShutdown();
    }

    /** The stack's settings for a stack of its own: its data, free ports, the same jars, JDK, caches and variables. */
    private static StackSettings scratch(StackSettings settings) {
        StackSettings.Builder scratch = StackSettings.builder(settings.dataDir().resolve(DIRECTORY), settings.artifacts())
                .ports(Ports.free())
                .build(false)
                .javaHome(settings.javaHome())
                .startupTimeout(settings.startupTimeout())
                .cacheTraining(settings.cacheTraining());
        settings.startupCache().ifPresent(scratch::startupCacheIn);
        settings.environment().forEach((component, variables) ->
                variables.forEach((name, value) -> scratch.environment(component, name, value)));
        return scratch.build();
    }

    private static Console silent() {
        return Console.plain(new PrintStream(OutputStream.nullOutputStream()));
    }
}
