package dev.orderflow.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.orderflow.stack.Artifacts;
import dev.orderflow.stack.Component;
import dev.orderflow.stack.ComponentStatus;
import dev.orderflow.stack.Console;
import dev.orderflow.stack.Ports;
import dev.orderflow.stack.Stack;
import dev.orderflow.stack.StackSettings;

/**
 * The stack the benchmark measures: the launcher's own code on free ports, data in the benchmark's own directory,
 * jars copied from the checkout's {@code target/} directories, with Keycloak's distribution beside them (the stack's
 * identity provider: every request needs its token). Components can be restarted with other settings
 * (a service from its jar instead of its startup cache), and a service can get a second instance with other
 * settings beside its own (the gateway without its circuit breaker).
 */
final class BenchStack implements AutoCloseable {

    private final Path dataDir;
    private final Path jars;
    private final Ports ports = Ports.free();
    private final Map<Component, Map<String, String>> environment;
    private final List<Twin> twins = new CopyOnWriteArrayList<>(); // the shutdown hook reads it too
    private final Path startupCacheDir;
    private final Duration cacheTraining;
    private boolean startupCache = true;
    private Stack stack;

    BenchStack(Path projectDir, Path dataDir, Map<Component, Map<String, String>> environment, Path startupCacheDir,
               Duration cacheTraining) throws IOException {
        this.dataDir = dataDir.toAbsolutePath();
        this.startupCacheDir = startupCacheDir;
        this.cacheTraining = cacheTraining;
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
        return url(Component.API_GATEWAY);
    }

    String orderServiceUrl() {
        return url(Component.ORDER_SERVICE);
    }

    /** The issuer of the stack's tokens, its Keycloak realm. */
    URI issuer() {
        return URI.create(ports.issuer());
    }

    /** Each service's id and the base URL of its management port, where its actuator is (never beside its API). */
    Map<String, String> managementUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        for (Component service : Component.services()) {
            urls.put(service.id(), "http://localhost:" + ports.managementOf(service));
        }
        return urls;
    }

    private String url(Component service) {
        return "http://localhost:" + ports.of(service);
    }

    String postgresUrl() {
        return stack.databaseUrl();
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

    /**
     * Restarts one service with these environment variables changed (null removes one), from its startup cache
     * or from its jar as it is; later restarts keep the choice.
     */
    void restart(Component component, Map<String, String> changes, boolean fromStartupCache) {
        startupCache = fromStartupCache;
        stack.stop(component, false);
        apply(changes, environment.computeIfAbsent(component, c -> new LinkedHashMap<>()));
        stack = newStack();
        stack.start(component);
    }

    /**
     * Another instance of a running service beside the stack's own, on free ports (its API's and its management
     * port), with these environment variables changed (null removes one); {@code name} tells its log and its
     * process marker from other twins'. It runs the first one's command line in its environment, both read from
     * {@code /proc} (Linux, like the footprint), so that two variants are measured side by side, equally warm,
     * instead of one after the other across restarts.
     */
    Twin twin(Component service, String name, Map<String, String> changes) throws IOException, InterruptedException {
        long pid = pid(service).orElseThrow(() -> new IllegalStateException(service.id() + " is not running"));
        ProcessHandle.Info original = ProcessHandle.of(pid).orElseThrow().info();
        List<String> command = new ArrayList<>();
        command.add(original.command().orElseThrow());
        for (String argument : original.arguments().orElseThrow()) {
            // its own marker, so that nothing takes it for the stack's component
            command.add(argument.replace("orderflow.stack.component=" + service.id(),
                    "orderflow.stack.component=" + service.id() + "-" + name));
        }
        Path log = dataDir.resolve("logs").resolve(service.id() + "-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environmentOfProcess(pid));
        int port = freePort();
        int managementPort = freePort();
        while (managementPort == port) {
            managementPort = freePort();
        }
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
        apply(changes, builder.environment());
        Twin twin = new Twin(builder.start(), "http://localhost:" + port, "http://localhost:" + managementPort, log);
        twins.add(twin); // stopped with the stack too, should the run be interrupted
        twin.awaitReady(Duration.ofMinutes(3));
        return twin;
    }

    /** A service's second instance; closing it stops it, once, whoever closes it first. */
    static final class Twin implements AutoCloseable {

        private final Process process;
        private final String url;
        private final String managementUrl;
        private final Path log;

        private Twin(Process process, String url, String managementUrl, Path log) {
            this.process = process;
            this.url = url;
            this.managementUrl = managementUrl;
            this.log = log;
        }

        String url() {
            return url;
        }

        long pid() {
            return process.pid();
        }

        private void awaitReady(Duration timeout) throws InterruptedException {
            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpRequest readiness = HttpRequest.newBuilder(
                                URI.create(managementUrl + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build();
                long deadline = System.nanoTime() + timeout.toNanos();
                while (System.nanoTime() < deadline && process.isAlive()) {
                    try {
                        if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                            return;
                        }
                    } catch (IOException notYet) {
                        // not listening yet
                    }
                    Thread.sleep(200);
                }
            }
            String outcome = process.isAlive() ? "was not ready within " + timeout : "exited with " + process.exitValue();
            close();
            throw new IllegalStateException("the second instance at " + url + " " + outcome + ": see " + log);
        }

        @Override
        public synchronized void close() {
            if (!process.isAlive()) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Sets these variables, or removes those whose value is null. */
    private static void apply(Map<String, String> changes, Map<String, String> variables) {
        changes.forEach((name, value) -> {
            if (value == null) {
                variables.remove(name);
            } else {
                variables.put(name, value);
            }
        });
    }

    private static Map<String, String> environmentOfProcess(long pid) throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String entry : Files.readString(Path.of("/proc", Long.toString(pid), "environ")).split("\0")) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                environment.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        return environment;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    Map<String, String> environmentOf(Component component) {
        return Map.copyOf(environment.getOrDefault(component, Map.of()));
    }

    @Override
    public void close() {
        twins.forEach(Twin::close);
        stack.down();
    }

    private Stack newStack() {
        StackSettings.Builder settings = StackSettings.builder(dataDir, Artifacts.inDirectory(jars))
                .ports(ports).build(false).startupTimeout(Duration.ofMinutes(3))
                // not in the data directory, which every run resets: caches are trained once per build
                .startupCacheIn(startupCacheDir)
                .cacheTraining(cacheTraining);
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
        Path launcherTarget = projectDir.resolve("tools/local-stack/target");
        Files.copy(launcherTarget.resolve("local-stack-exec.jar"), jars.resolve("local-stack-exec.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        stageKeycloak(launcherTarget.resolve("keycloak"));
    }

    /**
     * Keycloak's distribution, {@code keycloak-<version>.zip}, from where building the launcher put it (its pom
     * copies it from Maven's repository), like the launcher's jar beside it: both of one build. 170 MB, so it is
     * copied only when it changed; the stack unpacks it beside itself once and Keycloak builds itself there at its
     * first start, both kept for later runs. Other versions staged before are removed, with what was unpacked of them.
     */
    private void stageKeycloak(Path launcherKeycloak) throws IOException {
        Path zip;
        try (var files = Files.list(launcherKeycloak)) {
            zip = files.filter(file -> isKeycloakZip(file.getFileName().toString()))
                    .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
                    .orElseThrow(() -> new IOException("no keycloak-<version>.zip in " + launcherKeycloak));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("no " + launcherKeycloak + ": ./mvnw -q -DskipTests package -pl tools/local-stack"
                    + " copies Keycloak's distribution there", e);
        }
        Path staged = jars.resolve(zip.getFileName());
        if (!Files.exists(staged) || Files.size(staged) != Files.size(zip)
                || !Files.getLastModifiedTime(staged).equals(Files.getLastModifiedTime(zip))) {
            Files.copy(zip, staged, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
        try (var files = Files.list(jars)) {
            for (Path other : files.filter(file -> isKeycloakZip(file.getFileName().toString()))
                    .filter(file -> !file.equals(staged)).toList()) {
                String version = other.getFileName().toString().replaceFirst("\\.zip$", "");
                deleteRecursively(jars.resolve(version));
                Files.delete(other);
            }
        }
    }

    private static boolean isKeycloakZip(String name) {
        return name.matches("keycloak-[0-9.]+\\.zip");
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var tree = Files.walk(directory)) {
            for (Path path : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
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
