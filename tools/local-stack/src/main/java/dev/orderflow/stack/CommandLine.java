package dev.orderflow.stack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code ./stack <command> [argument] [--flag] [--option value]...}, checked against what each command accepts. */
record CommandLine(String command, List<String> arguments, Map<String, String> options, Set<String> flags) {

    static final Set<String> COMMANDS = Set.of("up", "down", "status", "stop", "start", "demo", "logs", "reset", "watch",
            "token", "help");

    private static final String COMPONENT_NAMES =
            "postgres, kafka, keycloak, order-service, delivery-service or api-gateway";

    private static final Set<String> VALUE_OPTIONS = Stream.concat(
            Stream.of("data-dir", "project-dir", "java", "timeout", "lines", "interval"),
            Arrays.stream(PortSetting.values()).map(PortSetting::option)).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> FLAGS = Set.of("detach", "kill", "no-build", "no-startup-cache", "once",
            "help");

    static CommandLine parse(String... args) {
        List<String> arguments = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        Set<String> flags = new java.util.HashSet<>();
        String command = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h")) {
                flags.add("help");
            } else if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value = null;
                int equals = name.indexOf('=');
                if (equals >= 0) {
                    value = name.substring(equals + 1);
                    name = name.substring(0, equals);
                }
                if (FLAGS.contains(name) && value == null) {
                    flags.add(name);
                } else if (VALUE_OPTIONS.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException("--" + name + " needs a value");
                        }
                        value = args[++i];
                    }
                    options.put(name, value);
                } else {
                    throw new UsageException("unknown option --" + name);
                }
            } else if (command == null) {
                command = arg;
            } else {
                arguments.add(arg);
            }
        }
        if (command == null) {
            command = "help";
        }
        if (!COMMANDS.contains(command)) {
            throw new UsageException("unknown command '" + command + "'");
        }
        return new CommandLine(command, List.copyOf(arguments), Map.copyOf(options), Set.copyOf(flags));
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    /** The one component a command such as {@code logs} acts on. */
    Component component() {
        if (arguments.size() != 1) {
            throw new UsageException("./stack " + command + " needs one component: " + COMPONENT_NAMES);
        }
        return Component.named(arguments.get(0));
    }

    /** The components {@code stop} and {@code start} act on, in the order the stack starts them, each once. */
    List<Component> components() {
        if (arguments.isEmpty()) {
            throw new UsageException("./stack " + command + " needs one or more components: " + COMPONENT_NAMES);
        }
        return arguments.stream().map(Component::named).distinct().sorted().toList();
    }

    /** The demo user {@code token} logs in as. */
    String user() {
        if (arguments.size() != 1) {
            throw new UsageException("./stack token needs one demo user: alice, bob or olivia");
        }
        return arguments.get(0);
    }

    void requireNoArguments() {
        if (!arguments.isEmpty()) {
            throw new UsageException("./stack " + command + " takes no argument, got " + arguments);
        }
    }

    /** A mistake in the command line itself: the usage is shown with it. */
    static final class UsageException extends StackException {
        UsageException(String message) {
            super(message);
        }
    }
}
