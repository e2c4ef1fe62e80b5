package dev.orderflow.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How to run a stack: where its data lives, its ports, where the jars come from, which JDK runs them, and extra
 * environment variables per component (for example a shorter circuit-breaker wait in tests).
 */
public record StackSettings(Path dataDir, Ports ports, Artifacts artifacts, boolean build, Optional<Path> javaHome,
                            Duration startupTimeout, Map<Component, Map<String, String>> environment) {

    public StackSettings {
        dataDir = dataDir.toAbsolutePath().normalize();
        environment = Map.copyOf(environment);
    }

    public static Builder builder(Path dataDir, Artifacts artifacts) {
        return new Builder(dataDir, artifacts);
    }

    Map<String, String> environmentOf(Component component) {
        return environment.getOrDefault(component, Map.of());
    }

    Path logOf(Component component) {
        return dataDir.resolve("logs").resolve(component.id() + ".log");
    }

    public static final class Builder {

        private final Path dataDir;
        private final Artifacts artifacts;
        private Ports ports = Ports.DEFAULTS;
        private boolean build = true;
        private Optional<Path> javaHome = Optional.empty();
        private Duration startupTimeout = Duration.ofMinutes(3);
        private final Map<Component, Map<String, String>> environment = new EnumMap<>(Component.class);

        private Builder(Path dataDir, Artifacts artifacts) {
            this.dataDir = dataDir;
            this.artifacts = artifacts;
        }

        public Builder ports(Ports ports) {
            this.ports = ports;
            return this;
        }

        /** Whether stale service jars are rebuilt first (only for the jars of a checkout). */
        public Builder build(boolean build) {
            this.build = build;
            return this;
        }

        public Builder javaHome(Optional<Path> javaHome) {
            this.javaHome = javaHome;
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = startupTimeout;
            return this;
        }

        public Builder environment(Component component, String name, String value) {
            environment.computeIfAbsent(component, c -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        public StackSettings build() {
            return new StackSettings(dataDir, ports, artifacts, build, javaHome, startupTimeout, environment);
        }
    }
}
