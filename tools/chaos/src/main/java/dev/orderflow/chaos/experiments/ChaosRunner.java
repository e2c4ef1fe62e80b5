package dev.orderflow.chaos.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.orderflow.stack.Artifacts;
import dev.orderflow.stack.Component;
import dev.orderflow.stack.Console;
import dev.orderflow.stack.Ports;
import dev.orderflow.stack.Stack;
import dev.orderflow.stack.StackSettings;

/**
 * {@code chaos <scenario>|all}: runs chaos experiments against a local stack, each under a steady load and ending
 * with a consistency audit, and prints one table row per experiment. Without {@code --attach} it starts its own
 * stack on free ports in its own data directory (services with the {@code chaos-monkey} profile, assaults off) and
 * stops it at the end. Exit code 0 when every experiment passed, 1 when one failed, 2 on a usage error.
 */
public final class ChaosRunner {

    private ChaosRunner() {
    }

    public static void main(String[] args) {
        RunnerOptions options;
        try {
            options = RunnerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(RunnerOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(options) ? 0 : 1);
    }

    static boolean run(RunnerOptions options) {
        Console console = Console.plain(System.out);
        Stack stack = new Stack(settings(options), console);
        if (!options.attach()) {
            stack.reset();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::down, "chaos-stack-down"));
            stack.up();
        }
        Lab lab = new Lab(stack, console, options.deadline(), options.settle(), options.rate(), options.duration());
        List<Outcome> outcomes = new ArrayList<>();
        try {
            for (Scenario scenario : options.scenarios()) {
                outcomes.add(new Experiment(lab).run(scenario));
            }
        } finally {
            String table = ResultTable.of(outcomes);
            System.out.println();
            System.out.print(table);
            options.report().ifPresent(file -> write(file, table));
            if (!options.attach()) {
                stack.down();
            }
        }
        return outcomes.stream().allMatch(Outcome::passed);
    }

    private static StackSettings settings(RunnerOptions options) {
        Artifacts artifacts = options.jars().map(Artifacts::inDirectory)
                .orElseGet(() -> Artifacts.ofProject(options.projectDir().toAbsolutePath().normalize()));
        StackSettings.Builder settings = StackSettings.builder(options.dataDir(), artifacts)
                .build(false)
                .startupTimeout(Duration.ofMinutes(4));
        if (options.attach()) {
            return settings.build();
        }
        settings.ports(Ports.free())
                // not in the data directory, which every run resets: the caches are trained once per build
                .startupCacheIn(options.projectDir().resolve("tools/chaos/target/startup-cache"));
        for (Component service : List.of(Component.ORDER_SERVICE, Component.DELIVERY_SERVICE)) {
            settings.environment(service, "SPRING_PROFILES_ACTIVE", "chaos-monkey");
        }
        return settings.environment(Component.ORDER_SERVICE, "ORDERFLOW_SAGA_DEADLINE", options.deadline().toSeconds() + "s")
                .build();
    }

    private static void write(java.nio.file.Path file, String table) {
        try {
            Files.writeString(file, table);
        } catch (IOException e) {
            System.err.println("could not write " + file + ": " + e.getMessage());
        }
    }
}
