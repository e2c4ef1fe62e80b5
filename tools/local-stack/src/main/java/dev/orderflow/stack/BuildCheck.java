package dev.orderflow.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the service jars that are missing or older than what they are built from (the module's {@code src/main}
 * and {@code pom.xml}, those of the modules it depends on, and the root {@code pom.xml}), with one
 * {@code ./mvnw -DskipTests package -pl <stale modules> -am}.
 */
final class BuildCheck {

    /** The repository modules each service jar contains (BuildCheckTest compares them with the services' poms). */
    static final Map<Component, List<String>> SOURCES = Map.of(
            Component.ORDER_SERVICE, List.of("order-service", "common-events", "platform/messaging",
                    "platform/web-problems", "platform/chaos"),
            Component.DELIVERY_SERVICE, List.of("delivery-service", "common-events", "platform/messaging",
                    "platform/web-problems", "platform/chaos"),
            Component.API_GATEWAY, List.of("api-gateway"));

    private final Path projectDir;
    private final Path buildLog;
    private final Console console;

    BuildCheck(Path projectDir, Path buildLog, Console console) {
        this.projectDir = projectDir;
        this.buildLog = buildLog;
        this.console = console;
    }

    /** The services to rebuild, each with the reason. */
    Map<Component, String> stale(Collection<Component> services) {
        Map<Component, String> stale = new LinkedHashMap<>();
        for (Component service : services) {
            Optional<Path> jar = Artifacts.newestJar(projectDir.resolve(service.id()).resolve("target"), service.id());
            if (jar.isEmpty()) {
                stale.put(service, "no jar yet");
                continue;
            }
            FileTime built = modified(jar.get());
            newestInput(service).filter(input -> modified(input).compareTo(built) > 0)
                    .ifPresent(input -> stale.put(service, projectDir.relativize(input) + " changed"));
        }
        return stale;
    }

    void buildStale(Collection<Component> services, Path javaHome) {
        Map<Component, String> stale = stale(services);
        if (stale.isEmpty()) {
            return;
        }
        String modules = stale.keySet().stream().map(Component::id).collect(Collectors.joining(","));
        List<String> command = new ArrayList<>(maven());
        command.addAll(List.of("-B", "-DskipTests", "package", "-pl", modules, "-am"));
        console.info("building " + stale.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", ")));
        console.detail("./mvnw -B -DskipTests package -pl " + modules + " -am   (log: " + buildLog + ")");
        long start = System.nanoTime();
        Processes.rotate(buildLog);
        Map<String, String> environment = System.getenv("JAVA_HOME") == null
                ? Map.of("JAVA_HOME", javaHome.toString()) : Map.of();
        int exit = Processes.run(command, environment, buildLog, Duration.ofMinutes(30));
        if (exit != 0) {
            throw new StackException("the build failed (exit code " + exit + "); full log: " + buildLog, errors());
        }
        stale.keySet().forEach(this::markCurrent);
        console.detail("built in " + Durations.format(Durations.since(start)));
    }

    /**
     * Maven leaves a jar that is up to date untouched, so a change that did not alter it (a comment in the root
     * pom) would leave it older than its inputs forever: once a build succeeded, the jar counts as current.
     */
    private void markCurrent(Component service) {
        Artifacts.newestJar(projectDir.resolve(service.id()).resolve("target"), service.id()).ifPresent(jar -> {
            try {
                Files.setLastModifiedTime(jar, FileTime.from(java.time.Instant.now()));
            } catch (IOException e) {
                // it is rebuilt once more next time; nothing worse
            }
        });
    }

    private List<String> maven() {
        if (System.getProperty("os.name").startsWith("Windows")) {
            return List.of("cmd.exe", "/c", projectDir.resolve("mvnw.cmd").toString());
        }
        return List.of(projectDir.resolve("mvnw").toString());
    }

    private List<String> errors() {
        List<String> tail = LogTail.of(buildLog, 200);
        List<String> errors = tail.stream().filter(line -> line.startsWith("[ERROR]")).limit(25).collect(Collectors.toList());
        return errors.isEmpty() ? LogTail.of(buildLog, 25) : errors;
    }

    private Optional<Path> newestInput(Component service) {
        List<Path> roots = new ArrayList<>(List.of(projectDir.resolve("pom.xml")));
        for (String module : SOURCES.get(service)) {
            roots.add(projectDir.resolve(module).resolve("pom.xml"));
            roots.add(projectDir.resolve(module).resolve("src/main"));
        }
        return roots.stream().flatMap(BuildCheck::files).max((a, b) -> modified(a).compareTo(modified(b)));
    }

    private static Stream<Path> files(Path root) {
        if (!Files.exists(root)) {
            return Stream.empty();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).collect(Collectors.toList()).stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
