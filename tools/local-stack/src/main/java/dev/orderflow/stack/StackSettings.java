package dev.orderflow.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How to run a stack: where its data lives, its ports, where the jars come from, which JDK runs them, and extra
 * environment variables per component (for example a shorter circuit-breaker wait in tests), and where the services'
 * {@link StartupCache startup caches} are kept (none: services start from their jars as they are) and how long
 * their training's workload runs.
 */
public record StackSettings(Path dataDir, Ports ports, Artifacts artifacts, boolean build, Optional<Path> javaHome,
                            Duration startupTimeout, Optional<Path> startupCache, Duration cacheTraining,
                            Map<Component, Map<String, String>> environment) {

    /** The minute of sagas measured in docs/performance.md ("Warm-up"): 700-1 200 sagas on two busy cores. */
    public static final Duration DEFAULT_CACHE_TRAINING = Duration.ofSeconds(60);

    /**
     * The test stacks' training: enough sagas to check that the training happens. The system tests and the
     * benchmark's tests use it alike, so that they share one trained cache (the root pom gives them one directory).
     */
    public static final Duration TEST_CACHE_TRAINING = Duration.ofSeconds(10);

    public StackSettings {
        dataDir = dataDir.toAbsolutePath().normalize();
        startupCache = startupCache.map(dir -> dir.toAbsolutePath().normalize());
        environment = Map.copyOf(environment);
    }

    public static Builder builder(Path dataDir, Artifacts artifacts) {
        return new Builder(dataDir, artifacts);
    }

    /** The same settings with these variables added to (or replacing those of) one component's environment. */
    public StackSettings withEnvironment(Component component, Map<String, String> variables) {
        Map<Component, Map<String, String>> merged = new EnumMap<>(Component.class);
        environment.forEach((each, its) -> merged.put(each, new LinkedHashMap<>(its)));
        merged.computeIfAbsent(component, c -> new LinkedHashMap<>()).putAll(variables);
        return new StackSettings(dataDir, ports, artifacts, build, javaHome, startupTimeout, startupCache, cacheTraining,
                merged);
    }

    Map<String, String> environmentOf(Component component) {
        return environment.getOrDefault(component, Map.of());
    }

    public Path logOf(Component component) {
        return dataDir.resolve("logs").resolve(component.id() + ".log");
    }

    public static final class Builder {

        private final Path dataDir;
        private final Artifacts artifacts;
        private Ports ports = Ports.DEFAULTS;
        private boolean build = true;
        private Optional<Path> javaHome = Optional.empty();
        private Duration startupTimeout = Duration.ofMinutes(3);
        private Optional<Path> startupCache;
        private Duration cacheTraining = DEFAULT_CACHE_TRAINING;
        private final Map<Component, Map<String, String>> environment = new EnumMap<>(Component.class);

        private Builder(Path dataDir, Artifacts artifacts) {
            this.dataDir = dataDir;
            this.artifacts = artifacts;
            this.startupCache = Optional.of(dataDir.resolve("startup-cache"));
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

        /** Whether services start from a trained startup cache (JDK 25+: AOT cache; 21-24: CDS archive). */
        public Builder startupCache(boolean enabled) {
            this.startupCache = enabled ? Optional.of(dataDir.resolve("startup-cache")) : Optional.empty();
            return this;
        }

        /** Startup caches kept elsewhere than in the data directory, e.g. to outlive a {@code reset}. */
        public Builder startupCacheIn(Path directory) {
            this.startupCache = Optional.of(directory.toAbsolutePath().normalize());
            return this;
        }

        /** How long the startup caches' training places orders (shorter in tests, which check that it happens). */
        public Builder cacheTraining(Duration workload) {
            this.cacheTraining = workload;
            return this;
        }

        public Builder environment(Component component, String name, String value) {
            environment.computeIfAbsent(component, c -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        public StackSettings build() {
            return new StackSettings(dataDir, ports, artifacts, build, javaHome, startupTimeout, startupCache,
                    cacheTraining, environment);
        }
    }
}
