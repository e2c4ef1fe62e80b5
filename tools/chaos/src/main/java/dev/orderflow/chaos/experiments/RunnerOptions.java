package dev.orderflow.chaos.experiments;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.orderflow.audit.DurationText;

/**
 * The command line of {@link ChaosRunner}: {@code <scenario>[,<scenario>...]|all [--rate 4] [--duration 30s] [--data-dir DIR]
 * [--project-dir DIR | --jars DIR] [--attach] [--deadline 60s] [--settle 5s] [--report FILE]}.
 */
record RunnerOptions(List<Scenario> scenarios, double rate, Duration duration, Path dataDir, Path projectDir,
                     Optional<Path> jars, boolean attach, Duration deadline, Duration settle, Optional<Path> report) {

    static final String USAGE = """
            usage: chaos <scenario>[,<scenario>...]|all [options]
              scenarios: service-kill broker-restart database-restart consumer-latency consumer-exceptions
                         relay-killed-before-marking poison-records delivery-outage-beyond-deadline
              --rate N          orders per second of the background load (default 4)
              --duration D      how long the load runs per scenario, e.g. 30s (default 30s)
              --data-dir DIR    the stack's data directory (default .stack-chaos)
              --attach          use the stack already running in --data-dir (./stack up uses .stack), do not start one
              --project-dir DIR the checkout whose target/ jars run (default .)
              --jars DIR        prebuilt jars instead (order-service.jar, ..., local-stack-exec.jar and
                                Keycloak's keycloak-<version>.zip)
              --deadline D      order-service's saga deadline (default 60s; the stack this starts runs with it)
              --settle D        how long a change may take to reach the other service (default 5s)
              --report FILE     also write the result table to FILE
            """;

    static RunnerOptions parse(String... args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("which scenario?");
        }
        List<Scenario> scenarios = args[0].equals("all") ? Scenario.all()
                : Arrays.stream(args[0].split(",")).map(Scenario::named).toList();
        double rate = 4;
        Duration duration = Duration.ofSeconds(30);
        Path dataDir = Path.of(".stack-chaos");
        Path projectDir = Path.of(".");
        Optional<Path> jars = Optional.empty();
        boolean attach = false;
        Duration deadline = Duration.ofSeconds(60);
        Duration settle = Duration.ofSeconds(5);
        Optional<Path> report = Optional.empty();
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        while (!rest.isEmpty()) {
            String option = rest.removeFirst();
            switch (option) {
                case "--attach" -> attach = true;
                case "--rate" -> rate = Double.parseDouble(value(option, rest));
                case "--duration" -> duration = DurationText.parse(value(option, rest));
                case "--data-dir" -> dataDir = Path.of(value(option, rest));
                case "--project-dir" -> projectDir = Path.of(value(option, rest));
                case "--jars" -> jars = Optional.of(Path.of(value(option, rest)));
                case "--deadline" -> deadline = DurationText.parse(value(option, rest));
                case "--settle" -> settle = DurationText.parse(value(option, rest));
                case "--report" -> report = Optional.of(Path.of(value(option, rest)));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (rate <= 0 || rate > 100) {
            throw new IllegalArgumentException("--rate must be between 0 and 100 orders per second");
        }
        return new RunnerOptions(scenarios, rate, duration, dataDir, projectDir, jars, attach, deadline, settle, report);
    }

    private static String value(String option, List<String> rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return rest.removeFirst();
    }
}
