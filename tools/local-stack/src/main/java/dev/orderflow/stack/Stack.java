package dev.orderflow.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.orderflow.stack.ComponentStatus.Health;
import dev.orderflow.stack.Console.Tone;

/**
 * The local stack: PostgreSQL, Kafka and Keycloak, then order-service, delivery-service and api-gateway, each its
 * own process. Every command ({@code up}, {@code down}, {@code stop}, {@code start}, {@code status}) works from what
 * {@link StackState} records, so they can come from different terminals, or from the system tests.
 */
public final class Stack {

    private static final List<Component> INFRASTRUCTURE = List.of(Component.POSTGRES, Component.KAFKA, Component.KEYCLOAK);
    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(30);
    /** A JVM that trains a startup cache writes it as it exits: 20-60 s on two cores. */
    private static final Duration TRAINED_SERVICE_STOP_GRACE = Duration.ofMinutes(3);

    private final StackSettings settings;
    private final Console console;
    private final HealthProbe probe = new HealthProbe();
    private final PostgresProcess postgres;
    private final KafkaProcess kafka;
    private final KeycloakProcess keycloak;
    private final Set<Component> training;
    private final Object lifecycle = new Object();
    private boolean stopping;
    private Optional<StartupCacheTraining> currentTraining = Optional.empty();

    public Stack(StackSettings settings, Console console) {
        this(settings, console, Set.of());
    }

    /** A stack whose {@code training} services run to train their startup caches ({@link StartupCacheTraining}). */
    Stack(StackSettings settings, Console console, Set<Component> training) {
        // Libraries log through SLF4J; initialized here, once, not by two starting threads at the same moment
        // (which makes SLF4J print warnings about substitute loggers).
        org.slf4j.LoggerFactory.getILoggerFactory();
        this.settings = settings;
        this.console = console;
        this.postgres = new PostgresProcess(settings.dataDir(), settings.logOf(Component.POSTGRES));
        this.kafka = new KafkaProcess(settings.dataDir(), settings.logOf(Component.KAFKA));
        this.keycloak = new KeycloakProcess(settings.dataDir(), settings.logOf(Component.KEYCLOAK));
        this.training = Set.copyOf(training);
    }

    /** Starts whatever is not running and returns once everything is healthy. */
    public void up() {
        Ports ports = portsForStart();
        List<Component> missing = List.of(Component.values()).stream()
                .filter(component -> running(component).isEmpty())
                .collect(Collectors.toList());
        if (missing.isEmpty()) {
            console.info("the stack is already running");
            return;
        }
        Path java = java();
        buildStale(missing.stream().filter(Component::isService).collect(Collectors.toList()), java);
        for (Component component : missing) {
            PortSetting.of(component).forEach(setting -> PortCheck.requireFree(setting, ports));
        }
        StackState.update(settings.dataDir(), state -> {
            state.ports(ports);
            state.java(java);
        });
        List<Component> started = new ArrayList<>();
        try {
            startAll(missing.stream().filter(INFRASTRUCTURE::contains).collect(Collectors.toList()), ports, java, started);
            DatabaseSetup.prepare(ports.postgres());
            List<Component> services = missing.stream().filter(Component::isService).collect(Collectors.toList());
            trainStaleStartupCaches(services, ports, java);
            startAll(services, ports, java, started);
        } catch (RuntimeException e) {
            if (!isStopping()) {
                List<Component> startedSoFar;
                synchronized (started) {
                    startedSoFar = new ArrayList<>(started);
                }
                stopInOrder(startedSoFar, true, false);
            }
            throw e;
        }
    }

    /**
     * Stops everything: the services, then Kafka, then PostgreSQL. A {@code ./stack up} in charge (in the foreground,
     * or detached and still starting) is asked to stop first, so that it starts nothing more.
     */
    public void down() {
        StackState.read(settings.dataDir()).otherLauncherInCharge(ProcessHandle.current())
                .ifPresent(launcher -> {
                    console.event("launcher", "asking ./stack up (pid " + launcher.pid() + ") to stop", Tone.WARN);
                    Processes.stop(launcher, false, Duration.ofMinutes(2));
                });
        // After the launcher: discarding a training under it would have it start its services from their jars.
        StartupCacheTraining.discardLeftIn(settings);
        stopInOrder(List.of(Component.values()), false, false);
    }

    /** Stops one component; with {@code kill} at once (SIGKILL), as a crash would. */
    public void stop(Component component, boolean kill) {
        requireStack();
        if (running(component).isEmpty()) {
            console.event(component.id(), "is not running", Tone.PLAIN);
            return;
        }
        stopOne(component, kill);
    }

    /** Starts one component of a running stack (rebuilding its jar if stale) and waits until it is healthy. */
    public void start(Component component) {
        Ports ports = requireStack();
        if (running(component).isPresent()) {
            console.event(component.id(), "is already running", Tone.PLAIN);
            return;
        }
        if (component.isService()) {
            for (Component needed : INFRASTRUCTURE) {
                if (running(needed).isEmpty()) {
                    throw new StackException(component + " needs " + needed + ", which is not running: ./stack start "
                            + needed + " (or ./stack up)");
                }
            }
        }
        Path java = java();
        if (component.isService()) {
            buildStale(List.of(component), java);
        }
        PortSetting.of(component).forEach(setting -> PortCheck.requireFree(setting, ports));
        if (component.isService()) {
            trainStaleStartupCaches(List.of(component), ports, java);
        }
        startAll(List.of(component), ports, java, new ArrayList<>());
        if (component == Component.POSTGRES) {
            DatabaseSetup.prepare(ports.postgres());
        }
    }

    public List<ComponentStatus> status() {
        Ports ports = ports();
        List<ComponentStatus> statuses = new ArrayList<>();
        for (Component component : Component.values()) {
            statuses.add(statusOf(component, ports));
        }
        return statuses;
    }

    /** Stops everything and deletes the data directory: the next {@code up} starts from empty databases. */
    public void reset() {
        Path dataDir = settings.dataDir();
        if (!Files.exists(dataDir)) {
            console.info("nothing to reset: " + dataDir + " does not exist");
            return;
        }
        if (!Files.exists(dataDir.resolve(StackState.FILE_NAME)) && !isEmpty(dataDir)) {
            throw new StackException(dataDir + " does not look like a stack's data directory (no "
                    + StackState.FILE_NAME + "); not deleting it");
        }
        down();
        delete(dataDir);
        console.info("deleted " + dataDir);
    }

    /**
     * Stops a stack whose work is abandoned, its services at once (SIGKILL: nothing they would write on their way
     * out is wanted), and deletes its data directory.
     */
    void discard() {
        stopInOrder(List.of(Component.values()), true, true);
        delete(settings.dataDir());
    }

    /** The ports of the running stack, else the configured ones. */
    public Ports ports() {
        StackState state = StackState.read(settings.dataDir());
        return anyRunning() ? state.ports().orElse(settings.ports()) : settings.ports();
    }

    /** The stack's database for a client on this machine, e.g. as the superuser {@code postgres} (no password). */
    public String databaseUrl() {
        return DatabaseSetup.url(ports().postgres());
    }

    public StackSettings settings() {
        return settings;
    }

    /** After this, nothing new is started: a Ctrl-C during {@code up} must not race a process being launched. */
    void beginShutdown() {
        synchronized (lifecycle) {
            stopping = true;
            currentTraining.ifPresent(StartupCacheTraining::cancel);
        }
    }

    boolean anyRunning() {
        return List.of(Component.values()).stream().anyMatch(component -> running(component).isPresent());
    }

    Optional<ProcessHandle> running(Component component) {
        if (component == Component.POSTGRES) {
            return postgres.running();
        }
        return StackState.read(settings.dataDir()).process(component).flatMap(RunningProcess::handle)
                .filter(process -> isOurs(process, component));
    }

    ComponentStatus statusOf(Component component, Ports ports) {
        Optional<ProcessHandle> process = running(component);
        int port = ports.of(component);
        Optional<Integer> managementPort = component.isService() || component == Component.KEYCLOAK
                ? Optional.of(ports.managementOf(component)) : Optional.empty();
        if (process.isEmpty()) {
            return new ComponentStatus(component, Optional.empty(), port, managementPort, Health.STOPPED,
                    Optional.empty(), Map.of());
        }
        Optional<Duration> uptime = process.get().info().startInstant().map(at -> Duration.between(at, Instant.now()));
        Health health = probe.isHealthy(component, ports) ? Health.HEALTHY
                : uptime.map(up -> up.compareTo(settings.startupTimeout()) < 0).orElse(false) ? Health.STARTING
                : Health.UNHEALTHY;
        Map<String, String> breakers = component == Component.API_GATEWAY && health == Health.HEALTHY
                ? GatewayBreakers.states(probe, ports) : Map.of();
        return new ComponentStatus(component, Optional.of(process.get().pid()), port, managementPort, health, uptime,
                breakers);
    }

    HealthProbe probe() {
        return probe;
    }

    private void startAll(List<Component> components, Ports ports, Path java, List<Component> started) {
        Parallel.forEach(components, component -> launch(component, ports, java, started));
    }

    private void launch(Component component, Ports ports, Path java, List<Component> started) {
        if (isStopping()) {
            throw new StackException("stopping: " + component + " not started");
        }
        long start = System.nanoTime();
        console.event(component.id(), "starting on port " + ports.of(component), Tone.PLAIN);
        Optional<ServiceProcess.Launch> service = component.isService()
                ? Optional.of(prepare(component, ports, java)) : Optional.empty();
        ProcessHandle process;
        Optional<Process> child = Optional.empty();
        synchronized (lifecycle) {
            if (stopping) {
                throw new StackException("stopping: " + component + " not started");
            }
            if (component == Component.POSTGRES) {
                process = postgres.start(ports.postgres());
            } else {
                Process spawned = service.map(ServiceProcess.Launch::start).orElseGet(() -> component == Component.KAFKA
                        ? startKafka(java, ports) : keycloak.start(java, settings.artifacts().keycloakDistribution(), ports));
                child = Optional.of(spawned);
                process = spawned.toHandle();
            }
            ProcessHandle recorded = process;
            StackState.update(settings.dataDir(), state -> state.started(component, recorded));
            synchronized (started) {
                started.add(component);
            }
        }
        awaitHealthy(component, process, child, ports);
        console.event(component.id(), "healthy in " + Durations.format(Durations.since(start)) + " (pid " + process.pid()
                + ")", Tone.GOOD);
    }

    private Process startKafka(Path java, Ports ports) {
        Path broker = JarStaging.stage(settings.artifacts().launcherJar(), settings.dataDir(), "kafka-broker");
        return kafka.start(java, broker, ports);
    }

    private ServiceProcess.Launch prepare(Component service, Ports ports, Path java) {
        return ServiceProcess.prepare(service, java, stagedJar(service), ports, settings.environmentOf(service),
                settings.logOf(service), startupCache(service, java));
    }

    private Path stagedJar(Component service) {
        return JarStaging.stage(settings.artifacts().jar(service), settings.dataDir(), service.id());
    }

    private Optional<StartupCache> startupCache(Component service, Path java) {
        return settings.startupCache().map(dir -> new StartupCache(dir, service, java, console,
                settings.cacheTraining(), training.contains(service)));
    }

    /**
     * Trains the startup caches of these services that are missing or stale, all at once, before they start. A
     * training stack trains none itself; a failed training is reported, and the services start from their jars.
     */
    private void trainStaleStartupCaches(List<Component> services, Ports ports, Path java) {
        if (!training.isEmpty()) {
            return;
        }
        List<StartupCacheTraining.Trainee> stale = new ArrayList<>();
        for (Component service : services) {
            startupCache(service, java).ifPresent(cache -> {
                StartupCacheTraining.Trainee trainee = new StartupCacheTraining.Trainee(service, cache, stagedJar(service),
                        ServiceProcess.jvmOptions(java),
                        ServiceProcess.environment(service, ports, settings.environmentOf(service)));
                if (!trainee.isFresh()) {
                    stale.add(trainee);
                }
            });
        }
        if (stale.isEmpty()) {
            return;
        }
        StartupCacheTraining run = new StartupCacheTraining(settings, console, stale);
        synchronized (lifecycle) {
            if (stopping) {
                return;
            }
            currentTraining = Optional.of(run); // a Ctrl-C from now on cancels it
        }
        try {
            run.run();
        } finally {
            synchronized (lifecycle) {
                currentTraining = Optional.empty();
            }
        }
    }

    private void awaitHealthy(Component component, ProcessHandle process, Optional<Process> child, Ports ports) {
        Instant deadline = Instant.now().plus(settings.startupTimeout());
        Path log = settings.logOf(component);
        while (!probe.isHealthy(component, ports)) {
            if (!process.isAlive()) {
                String code = child.map(p -> " with code " + p.exitValue()).orElse("");
                throw failure(component + " exited" + code + " while starting", log);
            }
            if (isStopping()) {
                throw new StackException("stopping: gave up waiting for " + component);
            }
            if (Instant.now().isAfter(deadline)) {
                throw failure(component + " did not become healthy within " + Durations.format(settings.startupTimeout())
                        + " (it still runs as pid " + process.pid() + ")", log);
            }
            pause(Duration.ofMillis(300));
        }
    }

    private StackException failure(String what, Path log) {
        List<String> details = new ArrayList<>(LogTail.of(log, 30));
        details.add("");
        details.add("full log: " + log);
        return new StackException(what + ". The end of its log:", details);
    }

    /** The services together, then Keycloak, Kafka and PostgreSQL: nothing loses a server it still uses. */
    private void stopInOrder(Collection<Component> components, boolean quietly, boolean killServices) {
        Parallel.forEach(components.stream().filter(Component::isService).collect(Collectors.toList()),
                service -> stopQuietlyIf(quietly, service, killServices));
        for (Component infrastructure : List.of(Component.KEYCLOAK, Component.KAFKA, Component.POSTGRES)) {
            if (components.contains(infrastructure)) {
                stopQuietlyIf(quietly, infrastructure, false);
            }
        }
    }

    private void stopQuietlyIf(boolean quietly, Component component, boolean kill) {
        try {
            stopOne(component, kill);
        } catch (RuntimeException e) {
            if (!quietly) {
                throw e;
            }
        }
    }

    private void stopOne(Component component, boolean kill) {
        Optional<ProcessHandle> process = running(component);
        if (process.isEmpty()) {
            StackState.update(settings.dataDir(), state -> state.stopped(component));
            return;
        }
        console.event(component.id(), (kill ? "killing" : "stopping") + " pid " + process.get().pid(), Tone.WARN);
        Processes.Stopped stopped = component == Component.POSTGRES ? postgres.stop(kill)
                : Processes.stop(process.get(), kill, training.contains(component) ? TRAINED_SERVICE_STOP_GRACE
                : SERVICE_STOP_GRACE);
        StackState.update(settings.dataDir(), state -> state.stopped(component));
        console.event(component.id(), stopped.describe(), Tone.WARN);
    }

    /** Ports for {@code up}: those of components still running win, and must not contradict the settings. */
    private Ports portsForStart() {
        Ports requested = settings.ports();
        if (!anyRunning()) {
            return requested;
        }
        Ports current = StackState.read(settings.dataDir()).ports().orElse(requested);
        if (!current.equals(requested) && !requested.equals(Ports.DEFAULTS)) {
            throw new StackException("the stack already runs with other ports (" + current + "); ./stack down first");
        }
        return current;
    }

    private Ports requireStack() {
        if (!anyRunning()) {
            throw new StackException("the stack is not running (data: " + settings.dataDir() + "); start it with ./stack up");
        }
        return ports();
    }

    private Path java() {
        return JavaRuntimes.findJava(settings.javaHome(), System.getenv());
    }

    private void buildStale(Collection<Component> services, Path java) {
        if (settings.build() && settings.artifacts().projectDir().isPresent() && !services.isEmpty()) {
            new BuildCheck(settings.artifacts().projectDir().get(), settings.dataDir().resolve("logs/build.log"), console)
                    .buildStale(services, JavaRuntimes.home(java));
        }
    }

    /** A recorded pid is ours only if that process carries our component marker (when the OS shows arguments). */
    private static boolean isOurs(ProcessHandle process, Component component) {
        return process.info().arguments()
                .map(arguments -> List.of(arguments).contains("-D" + ServiceProcess.COMPONENT_PROPERTY + "=" + component.id()))
                .orElse(true);
    }

    /** Since {@link #beginShutdown()}: what fails now fails because it is being stopped. */
    boolean isStopping() {
        synchronized (lifecycle) {
            return stopping;
        }
    }

    private static void delete(Path dir) {
        try {
            PostgresBinaries.deleteRecursively(dir);
        } catch (java.io.IOException e) {
            throw new StackException("could not delete " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }
}
