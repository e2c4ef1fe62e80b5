package dev.orderflow.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.orderflow.stack.AccessTokens;
import dev.orderflow.stack.Artifacts;
import dev.orderflow.stack.Component;
import dev.orderflow.stack.Console;
import dev.orderflow.stack.Ports;
import dev.orderflow.stack.Stack;
import dev.orderflow.stack.StackSettings;
import dev.orderflow.testinfra.HttpTestClient;

import static org.awaitility.Awaitility.await;

/**
 * The whole system as separate processes (PostgreSQL, Kafka, order-service, delivery-service, api-gateway), started
 * with the same launcher code as {@code ./stack} on free ports, with its data under {@code target/stack}. One
 * stack serves the whole test run (see {@link SystemStackExtension}); tests reach it only through the gateway.
 */
public final class SystemStack implements AutoCloseable {

    /** Held open while this JVM runs: the lock of {@link #claim(Path)}. */
    private static FileChannel runLock;

    /** The demo customer whose shop {@link #shop()} is. */
    static final String CUSTOMER = "alice";
    static final String OTHER_CUSTOMER = "bob";
    static final String OPERATOR = "olivia";

    private final Stack stack;
    private final HttpTestClient gateway;
    private final HttpTestClient gatewayManagement;
    private final AccessTokens tokens;

    private SystemStack(Stack stack) {
        this.stack = stack;
        this.gateway = new HttpTestClient("http://localhost:" + stack.ports().gateway());
        this.gatewayManagement = new HttpTestClient("http://localhost:" + stack.ports().gatewayManagement());
        this.tokens = new AccessTokens(stack.ports().issuer());
    }

    /** The prebuilt jars the system tests run, which Maven copies into target/stack-jars (see the pom). */
    static Artifacts artifacts() {
        return Artifacts.inDirectory(Path.of(System.getProperty("orderflow.system-tests.jars", "target/stack-jars")));
    }

    /** The launcher's jar run as ./stack runs it, on the tests' JDK, with these arguments; its output merged. */
    static ProcessBuilder launcher(String... arguments) {
        List<String> commandLine = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-jar", artifacts().launcherJar().toString()));
        commandLine.addAll(List.of(arguments));
        return new ProcessBuilder(commandLine).redirectErrorStream(true);
    }

    static SystemStack start() {
        Path dataDir = Path.of(System.getProperty("orderflow.system-tests.data-dir", "target/stack"));
        StackSettings settings = StackSettings.builder(dataDir, artifacts())
                .ports(Ports.free())
                .build(false)
                .startupTimeout(Duration.ofMinutes(4))
                // Not in the data directory, which every run resets: a second run need not train the caches again.
                // Shared with the benchmark's tests (see the root pom), which train them for as long.
                .startupCacheIn(Path.of(System.getProperty("orderflow.test-startup-cache",
                        dataDir.resolveSibling("startup-cache").toString())))
                .cacheTraining(StackSettings.TEST_CACHE_TRAINING)
                // A killed consumer keeps its partitions until Kafka's session timeout (45 s) ends; the default
                // 60 s deadline could then cancel orders the crash test expects to see confirmed.
                .environment(Component.ORDER_SERVICE, "ORDERFLOW_SAGA_DEADLINE", "5m")
                // The recovery test need not wait the default 10 s before the breaker probes the service again.
                .environment(Component.API_GATEWAY, "CIRCUIT_BREAKER_WAIT_IN_OPEN_STATE", "2s")
                .build();
        claim(dataDir);
        Stack stack = new Stack(settings, Console.plain(System.out));
        stack.reset(); // a previous run's data, and its processes if that run was killed
        SystemStack system = new SystemStack(stack);
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "system-stack-down"));
        try {
            stack.up();
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
        return system;
    }

    /**
     * Only one test run at a time may use the data directory: its reset would stop another run's stack. The lock
     * lives beside the directory and goes with this JVM, however it ends.
     */
    private static void claim(Path dataDir) {
        Path lock = dataDir.toAbsolutePath().resolveSibling(dataDir.getFileName() + ".lock");
        try {
            Files.createDirectories(lock.getParent());
            FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                channel.close();
                throw new IllegalStateException("another test run uses " + dataDir + " (it holds " + lock + ")");
            }
            runLock = channel;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The only way tests talk to the system, as a stranger: {@code /api/orders}, {@code /api/deliveries} without a
     * token (see {@link #as(String)} for a caller with one).
     */
    public HttpTestClient gateway() {
        return gateway;
    }

    /** The gateway, called with a token of this demo user (alice, bob: customers; olivia: operator). */
    public HttpTestClient as(String user) {
        return gateway.withBearerToken(() -> tokens.demoUser(user));
    }

    /** The gateway, called by a machine: the automation client, a customer of its own and an operator. */
    public HttpTestClient asAutomation() {
        return gateway.withBearerToken(tokens::automation);
    }

    /** The gateway's management port: health, metrics, breakers (never published outside the machine). */
    public HttpTestClient gatewayManagement() {
        return gatewayManagement;
    }

    public AccessTokens tokens() {
        return tokens;
    }

    /** What {@link #CUSTOMER} does, seen by the operator where a count of everything is needed. */
    public Shop shop() {
        return shop(CUSTOMER);
    }

    public Shop shop(String customer) {
        return new Shop(as(customer), as(OPERATOR), gatewayManagement);
    }

    /** SIGKILL, as a crash. */
    public void kill(Component component) {
        stack.stop(component, true);
    }

    /** SIGTERM, as an orderly shutdown. */
    public void stop(Component component) {
        stack.stop(component, false);
    }

    /** Starts the component again and returns once it is healthy. */
    public void start(Component component) {
        stack.start(component);
    }

    /** Starts the component if a test left it stopped, so that the next test finds the whole system running. */
    public void ensureRunning(Component component) {
        if (stack.status().stream().anyMatch(status -> status.component() == component && !status.isHealthy())) {
            stack.start(component);
        }
    }

    /**
     * Waits until every service runs and the gateway serves both routes with closed breakers, so that no test
     * inherits what the one before did to the system (a stopped service, an open breaker). Its calls are also the
     * probes a half-open breaker needs to close.
     */
    public void awaitServing() {
        for (Component service : Component.services()) {
            ensureRunning(service);
        }
        Shop shop = shop();
        HttpTestClient operator = as(OPERATOR);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).ignoreExceptions().until(() ->
                operator.get("/api/orders?size=1").status() == 200
                        && operator.get("/api/deliveries?size=1").status() == 200
                        && "CLOSED".equals(shop.breakerState("order-service"))
                        && "CLOSED".equals(shop.breakerState("delivery-service")));
    }

    public Stack stack() {
        return stack;
    }

    @Override
    public synchronized void close() {
        stack.down();
    }
}
