package dev.orderflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.orderflow.stack.Artifacts;
import dev.orderflow.stack.Component;
import dev.orderflow.stack.ComponentStatus;
import dev.orderflow.stack.Console;
import dev.orderflow.stack.Ports;
import dev.orderflow.stack.Stack;
import dev.orderflow.stack.StackSettings;

/**
 * The stack the benchmark measures: the launcher's own code on free ports, data in the benchmark's own directory,
 * jars copied from the checkout's {@code target/} directories. Components can be restarted with other settings
 * (the gateway without its circuit breaker, a service with other JVM options).
 */
final class BenchStack implements AutoCloseable {

    private final Path dataDir;
    private final Path jars;
    private final Ports ports = Ports.free();
    private final Map<Component, Map<String, String>> environment;
    private boolean startupCache = true;
    private Stack stack;

    BenchStack(Path projectDir, Path dataDir, Map<Component, Map<String, String>> environment) throws IOException {
        this.dataDir = dataDir.toAbsolutePath();
        this.jars = this.dataDir.resolveSibling("bench-jars");
        this.environment = new LinkedHashMap<>();
        environment.forEach((component, variables) -> this.environment.put(component, new LinkedHashMap<>(variables)));
        stageJars(projectDir);
        this.stack = newStack();
    }

    void up() {
        stack.reset();
        stack.up();
    }

    Ports ports() {
        return ports;
    }

    String gatewayUrl() {
        return "http://localhost:" + ports.gateway();
    }

    String orderServiceUrl() {
        return "http://localhost:" + ports.orderService();
    }

    String postgresUrl() {
        return "jdbc:postgresql://localhost:" + ports.postgres() + "/orderflow";
    }

    Path logOf(Component component) {
        return stack.settings().logOf(component);
    }

    Optional<Long> pid(Component component) {
        return stack.status().stream().filter(status -> status.component() == component).findFirst()
                .flatMap(ComponentStatus::pid);
    }

    void kill(Component component) {
        stack.stop(component, true);
    }

    void start(Component component) {
        stack.start(component);
    }

    /** Restarts one component with these environment variables changed (null removes one). */
    void restart(Component component, Map<String, String> changes) {
        restart(component, changes, startupCache);
    }

    /** Restarts one service, from its startup cache or from its jar as it is; later restarts keep the choice. */
    void restart(Component component, Map<String, String> changes, boolean fromStartupCache) {
        startupCache = fromStartupCache;
        stack.stop(component, false);
        Map<String, String> variables = environment.computeIfAbsent(component, c -> new LinkedHashMap<>());
        changes.forEach((name, value) -> {
            if (value == null) {
                variables.remove(name);
            } else {
                variables.put(name, value);
            }
        });
        stack = newStack();
        stack.start(component);
    }

    Map<String, String> environmentOf(Component component) {
        return Map.copyOf(environment.getOrDefault(component, Map.of()));
    }

    @Override
    public void close() {
        stack.down();
    }

    private Stack newStack() {
        StackSettings.Builder settings = StackSettings.builder(dataDir, Artifacts.inDirectory(jars))
                .ports(ports).build(false).startupTimeout(Duration.ofMinutes(3))
                // beside the data directory, which every run resets: caches are trained once per build
                .startupCacheIn(dataDir.resolveSibling("bench-startup-cache"));
        if (!startupCache) {
            settings.startupCache(false);
        }
        environment.forEach((component, variables) ->
                variables.forEach((name, value) -> settings.environment(component, name, value)));
        return new Stack(settings.build(), Console.plain(System.out));
    }

    private void stageJars(Path projectDir) throws IOException {
        Files.createDirectories(jars);
        for (Component service : Component.services()) {
            Path target = projectDir.resolve(service.id()).resolve("target");
            Path jar = newest(target, service.id());
            Files.copy(jar, jars.resolve(service.id() + ".jar"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES); // the same build keeps its startup cache
        }
        Files.copy(projectDir.resolve("tools/local-stack/target/local-stack-exec.jar"),
                jars.resolve("local-stack-exec.jar"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path newest(Path target, String module) throws IOException {
        try (var files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().matches(module + "-\\d.*\\.jar")
                            && !file.getFileName().toString().matches(".*-(plain|sources|javadoc|tests)\\.jar"))
                    .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
                    .orElseThrow(() -> new IOException("no jar of " + module + " in " + target
                            + ": ./mvnw -q -DskipTests package first"));
        }
    }
}
