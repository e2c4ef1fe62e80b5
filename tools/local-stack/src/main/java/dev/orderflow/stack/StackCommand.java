package dev.orderflow.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.orderflow.stack.CommandLine.UsageException;

/** {@code ./stack}: the local stack's command line. See {@link Usage}. */
public final class StackCommand {

    private StackCommand() {
    }

    public static void main(String[] args) {
        Console console = Console.standard();
        // Errors on standard error: what a command prints for scripts, TOKEN=$(./stack token alice), stays clean.
        Console errors = Console.errors();
        int exit;
        try {
            exit = run(CommandLine.parse(args), System.getenv(), console);
        } catch (UsageException e) {
            errors.error(e);
            errors.info(Usage.TEXT);
            exit = 2;
        } catch (StackException e) {
            errors.error(e);
            exit = 1;
        }
        System.exit(exit);
    }

    static int run(CommandLine line, Map<String, String> environment, Console console) {
        if (line.command().equals("help") || line.flag("help")) {
            console.info(Usage.TEXT);
            return 0;
        }
        Stack stack = new Stack(settings(line, environment), console);
        switch (line.command()) {
            case "up":
                line.requireNoArguments();
                return new StackUp(stack, console).run(line.flag("detach"));
            case "down":
                line.requireNoArguments();
                stack.down();
                console.info("the stack is stopped; its data stays in " + stack.settings().dataDir()
                        + " (./stack reset deletes it)");
                return 0;
            case "status":
                line.requireNoArguments();
                List<ComponentStatus> statuses = stack.status();
                StatusReport.print(statuses, stack.settings().dataDir(), console);
                return statuses.stream().allMatch(ComponentStatus::isHealthy) ? 0 : 3;
            case "stop":
                // Dependents first: a service stopped after Kafka would log connection errors on its way down.
                List<Component> toStop = new ArrayList<>(line.components());
                Collections.reverse(toStop);
                toStop.forEach(component -> stack.stop(component, line.flag("kill")));
                return 0;
            case "start":
                line.components().forEach(stack::start);
                return 0;
            case "demo":
                line.requireNoArguments();
                return new Demo(stack, console).run();
            case "logs":
                Component component = line.component();
                Path log = stack.settings().logOf(component);
                int lines = line.option("lines").map(Integer::parseInt).orElse(40);
                LogTail.of(log, lines).forEach(console::info);
                console.detail("full log: " + log);
                return 0;
            case "watch":
                line.requireNoArguments();
                return watch(stack, line, console);
            case "reset":
                line.requireNoArguments();
                stack.reset();
                return 0;
            case "token":
                String user = line.user();
                console.info(new AccessTokens(stack.ports().issuer()).demoUser(user));
                return 0;
            default:
                throw new UsageException("unknown command " + line.command());
        }
    }

    private static int watch(Stack stack, CommandLine line, Console console) {
        if (!stack.anyRunning()) {
            throw new StackException("nothing runs in " + stack.settings().dataDir() + "; ./stack up starts the stack");
        }
        Duration interval = line.option("interval").map(StackCommand::interval).orElse(Duration.ofSeconds(2));
        try {
            new Watch(stack, console).run(interval, line.flag("once") ? 1 : Watch.FOREVER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static Duration interval(String seconds) {
        try {
            double value = Double.parseDouble(seconds);
            if (value >= 0.2 && value <= 3600) {
                return Duration.ofMillis(Math.round(value * 1000));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--interval takes seconds between 0.2 and 3600, not '" + seconds + "'");
    }

    static StackSettings settings(CommandLine line, Map<String, String> environment) {
        Path projectDir = projectDir(line.option("project-dir").or(() -> value(environment, "ORDERFLOW_STACK_PROJECT_DIR")));
        Path dataDir = line.option("data-dir").or(() -> value(environment, "ORDERFLOW_STACK_DIR"))
                .map(Path::of).orElse(projectDir.resolve(".stack"));
        Duration timeout = Duration.ofSeconds(line.option("timeout").or(() -> value(environment, "ORDERFLOW_STACK_TIMEOUT"))
                .map(Long::parseLong).orElse(180L));
        return StackSettings.builder(dataDir, Artifacts.ofProject(projectDir))
                .ports(PortSetting.resolve(line::option, environment, Ports.DEFAULTS))
                .build(!line.flag("no-build"))
                .javaHome(line.option("java").map(Path::of))
                .startupTimeout(timeout)
                .startupCache(!line.flag("no-startup-cache"))
                .build();
    }

    /** The checkout: given, else the one the launcher's jar was built in, else one around the working directory. */
    static Path projectDir(Optional<String> explicit) {
        if (explicit.isPresent()) {
            Path dir = Path.of(explicit.get()).toAbsolutePath().normalize();
            if (!isCheckout(dir)) {
                throw new StackException(dir + " is not an orderflow checkout (no tools/local-stack/pom.xml)");
            }
            return dir;
        }
        String classPath = System.getProperty("java.class.path", "");
        Optional<Path> fromJar = classPath.endsWith(".jar") ? enclosingCheckout(Path.of(classPath)) : Optional.empty();
        return fromJar.or(() -> enclosingCheckout(Path.of("")))
                .orElseThrow(() -> new StackException("run ./stack from the orderflow checkout, or pass --project-dir"));
    }

    private static Optional<Path> enclosingCheckout(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (isCheckout(dir)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static boolean isCheckout(Path dir) {
        return Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("tools/local-stack/pom.xml"));
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }
}
