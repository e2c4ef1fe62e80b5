package dev.orderflow.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.orderflow.audit.ClientCredentials;
import dev.orderflow.stack.Component;
import dev.orderflow.stack.StackException;

/**
 * {@code java -jar tools/benchmarks/target/benchmarks-exec.jar}, as {@code ./stack bench} runs it; its options are
 * {@link Arguments#USAGE}.
 *
 * <p>Without {@code --gateway} it starts its own stack (free ports, data under {@code --data-dir}) and runs
 * every measurement; with it, only the HTTP ones against that gateway. Results: {@code --out}/results.json and
 * results.md.
 *
 * <p>Every request carries a token of the realm's automation client (client credentials grant), from the stack's
 * own Keycloak, or with {@code --gateway} from {@code --issuer} with the secret {@code ORDERFLOW_CLIENT_SECRET}
 * (the realm's development secret without it). The token is fetched once before the first measurement and renewed
 * by a thread of its own ({@link BearerToken}), never by a measured request.
 */
public final class BenchmarkRun {

    private static final Duration SAGA_DEADLINE = Duration.ofMinutes(5);
    static final String SECRET_VARIABLE = "ORDERFLOW_CLIENT_SECRET";

    private BenchmarkRun() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + "\n" + Arguments.USAGE);
            System.exit(2);
            return;
        }
        if (arguments.help) {
            System.out.println(Arguments.USAGE);
            return;
        }
        run(arguments, arguments.quick ? Settings.quickRun() : Settings.fullRun());
    }

    /** One run: measures, writes results.json and results.md into the output directory, prints the table. */
    static void run(Arguments arguments, Settings settings) throws Exception {
        Instant started = Instant.now();
        Map<String, Object> configuration = new LinkedHashMap<>(settings.describe());
        configuration.put("target", arguments.gateway.orElse("own stack (tools/local-stack, free ports)"));
        configuration.put("environment", arguments.environment);
        BenchReport report = new BenchReport(Machine.describe(), configuration);
        if (arguments.gateway.isPresent()) {
            httpOnly(arguments, settings, report);
        } else {
            withStack(arguments, settings, report, configuration);
        }
        report.detail("requestFailures", Shop.FAILURES.toString());
        configuration.put("wallClock", Duration.between(started, Instant.now()).toString());
        configuration.put("loadAfterRun", Machine.loadAverage());
        report.write(arguments.out);
        System.out.println(report.markdown());
        System.out.println("results: " + arguments.out.resolve("results.json") + ", " + arguments.out.resolve("results.md"));
    }

    private static void withStack(Arguments arguments, Settings settings, BenchReport report,
                                  Map<String, Object> configuration) throws Exception {
        Map<Component, Map<String, String>> environment = new EnumMap<>(Component.class);
        // Orders of the recovery outage must end by the delivery decision, not by the saga deadline.
        environment.computeIfAbsent(Component.ORDER_SERVICE, c -> new LinkedHashMap<>())
                .put("ORDERFLOW_SAGA_DEADLINE", SAGA_DEADLINE.toSeconds() + "s");
        // The gateway's per-client limit (1 000/s, burst 2 000) is below what the load generator, one client, reads
        // through it: run G's GETs without the breaker stopped at exactly (2 000 + 5 s x 1 000) / 5 s = 1 400/s with
        // 330 refused. The limiter still runs on every request here, but must not refuse any.
        Map<String, String> limits = environment.computeIfAbsent(Component.API_GATEWAY, c -> new LinkedHashMap<>());
        limits.put("RATE_LIMIT_REPLENISH_RATE", "100000");
        limits.put("RATE_LIMIT_BURST_CAPACITY", "200000");
        arguments.environment.forEach((component, variables) ->
                environment.computeIfAbsent(component, c -> new LinkedHashMap<>()).putAll(variables));
        try (BenchStack stack = new BenchStack(arguments.project, arguments.dataDir, environment,
                arguments.startupCache, settings.cacheTraining())) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-stack-down"));
            stack.up();
            configuration.put("ports", stack.ports().toString());
            configuration.put("serviceEnvironment", environment.toString());
            try (BearerToken token = BearerToken.renewedInBackground(ClientCredentials.automation(stack.issuer()))) {
                measureAll(stack, arguments, settings, report, environment, token);
                reportTokens(report, token);
            }
        }
    }

    private static void measureAll(BenchStack stack, Arguments arguments, Settings settings, BenchReport report,
                                   Map<Component, Map<String, String>> environment, BearerToken token)
            throws Exception {
        // order-service checks the token too: the direct path carries it as the gateway's does
        Shop gateway = new Shop(stack.gatewayUrl() + "/api/orders", token);
        Shop direct = new Shop(stack.orderServiceUrl() + "/orders", token);
        // --quick keeps the launcher's start (all three at once) and skips the restarts below.
        new StartupFootprint(stack).measure(report, "(" + (settings.quick() ? "started together" : "started alone")
                + "; JVM flags of the launcher" + (environment.values().stream()
                .anyMatch(variables -> variables.containsKey("JAVA_TOOL_OPTIONS")) ? " + JAVA_TOOL_OPTIONS" : "")
                + ")", !settings.quick(), () -> warmUp(gateway, direct, settings));
        double sustained = sagas(gateway, settings, report, Optional.of(stack), arguments.out);
        new GatewayOverhead(settings).compare(report, "Gateway", GatewayOverhead.Side.of("direct", direct),
                GatewayOverhead.Side.of("gateway", gateway), true);
        if (settings.quick()) {
            report.row("Circuit breaker", "on/off", "not measured with --quick (two more gateways)");
            report.row("Recovery", "SIGKILL delivery-service", "not measured with --quick");
        } else {
            new CircuitBreakerCost(stack, settings, token).measure(report);
            new Recovery(stack, settings, SAGA_DEADLINE, token).measure(report, sustained);
        }
        // Last: its hundreds of thousands of commits leave PostgreSQL a checkpoint to write, which would
        // stall whatever runs next.
        double anchorTps = new DatabaseAnchor(stack.postgresUrl(), settings).measure(report);
        DatabaseAnchor.reportEfficiency(report, sustained, anchorTps);
    }

    private static void httpOnly(Arguments arguments, Settings settings, BenchReport report) throws Exception {
        ClientCredentials automation = new ClientCredentials(arguments.issuer, ClientCredentials.AUTOMATION_CLIENT,
                System.getenv().getOrDefault(SECRET_VARIABLE, ClientCredentials.DEVELOPMENT_SECRET));
        try (BearerToken token = BearerToken.renewedInBackground(automation)) {
            httpOnly(arguments, settings, report, token);
            reportTokens(report, token);
        }
    }

    private static void httpOnly(Arguments arguments, Settings settings, BenchReport report, BearerToken token)
            throws Exception {
        Shop gateway = new Shop(arguments.gateway.get() + "/api/orders", token);
        Optional<Shop> direct = arguments.orderService.map(url -> new Shop(url + "/orders", token));
        warmUp(gateway, direct.orElse(gateway), settings);
        sagas(gateway, settings, report, Optional.empty(), arguments.out);
        if (direct.isPresent()) {
            new GatewayOverhead(settings).compare(report, "Gateway", GatewayOverhead.Side.of("direct", direct.get()),
                    GatewayOverhead.Side.of("gateway", gateway), true);
        } else {
            report.row("Gateway", "overhead", "not measured: no --order-service URL to compare with");
        }
        // The rest needs the processes and the database of a stack the benchmark started itself.
        String notHere = "not measured with --gateway (needs the benchmark's own stack)";
        for (String measurement : List.of("Startup and footprint", "Profile", "GC pauses", "Circuit breaker",
                "Recovery", "Database anchor")) {
            report.row(measurement, "", notHere);
        }
    }

    /**
     * Throughput, then time to consistency at 50% and 90% of it (the latter profiled), with the services' GC
     * pauses during each; the sustained rate.
     */
    /** Tokens fetched during the run: one before it, the rest by the renewal thread, none by a measured request. */
    private static void reportTokens(BenchReport report, BearerToken token) {
        report.detail("accessTokensFetched", token.fetched());
    }

    private static double sagas(Shop gateway, Settings settings, BenchReport report, Optional<BenchStack> stack,
                                Path out) throws Exception {
        Optional<GcPauses> pauses = stack.map(s -> GcPauses.from(s.managementUrls()));
        Map<String, Object> throughput = new SagaThroughput(gateway, settings).measure(report);
        pauses.ifPresent(p -> p.reportSinceLast(report, "during the ladder"));
        double sustained = (double) throughput.get("sustainedPerSecond");
        if (sustained == 0) {
            return 0;
        }
        TimeToConsistency consistency = new TimeToConsistency(gateway, settings);
        consistency.measure(report, sustained, 0.5, Optional.of(Duration.ofMillis(25)),
                Optional.of(Duration.ofMillis(100)));
        pauses.ifPresent(p -> p.reportSinceLast(report, "during time to consistency at 50%"));
        Optional<Profiling> profiling = stack.map(s -> Profiling.start(s, out));
        consistency.measure(report, sustained, 0.9, Optional.empty(), Optional.empty());
        profiling.ifPresent(p -> p.finish(report));
        pauses.ifPresent(p -> p.reportSinceLast(report, "during time to consistency at 90%"));
        pauses.ifPresent(p -> p.reportSinceStart(report, "since each service started"));
        return sustained;
    }

    private static void warmUp(Shop gateway, Shop direct, Settings settings) {
        System.out.println("warming up for " + settings.warmUp() + " (load " + Machine.loadAverage() + ")");
        try {
            // A ramp up to a rate near the first steps. Services restarted a minute earlier (startup measurement)
            // otherwise meet the ladder cold and the gateway sheds the first steps with 503s (run of 14:15: 40/s
            // failed, later 265 POST/s direct); cold services given 80/s at once open the breaker (run of 14:25).
            double scale = settings.warmUpRateScale();
            SagaThroughput.load(gateway, 10 * scale, settings.warmUp().dividedBy(4));
            SagaThroughput.load(gateway, 30 * scale, settings.warmUp().dividedBy(4));
            SagaThroughput.load(gateway, 60 * scale, settings.warmUp().dividedBy(2));
            SagaThroughput.load(direct, 30 * scale, settings.warmUp().dividedBy(2));
            gateway.awaitSettled(Duration.ofSeconds(60));
            // A ramp that overran cold services may have opened the breaker: the first step would meet it open
            // (quick run at 23:55 UTC on 2026-12-05: every request of its first step answered 503).
            gateway.awaitAccepting(Duration.ofSeconds(60));
        } catch (Exception e) {
            throw new IllegalStateException("warm-up failed", e);
        }
    }

    /** CPU seconds per process and JFR profiles of the services during one measurement. */
    private record Profiling(BenchStack stack, Path out, Map<Component, Long> pids, Map<Component, Duration> cpu,
                             Instant start, CpuProfile profile) {

        static Profiling start(BenchStack stack, Path out) {
            Map<Component, Long> pids = new EnumMap<>(Component.class);
            Map<Component, Duration> cpu = new EnumMap<>(Component.class);
            CpuProfile profile = new CpuProfile();
            try {
                Files.createDirectories(out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            for (Component component : Component.values()) {
                stack.pid(component).ifPresent(pid -> {
                    pids.put(component, pid);
                    cpu.put(component, CpuProfile.cpu(pid));
                    if (component.isService()) {
                        profile.start(pid, out.resolve(component.id() + ".jfr").toAbsolutePath());
                    }
                });
            }
            return new Profiling(stack, out, pids, cpu, Instant.now(), profile);
        }

        void finish(BenchReport report) {
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1e3;
            Map<String, Object> usage = new LinkedHashMap<>();
            List<String> shares = new ArrayList<>();
            pids.forEach((component, pid) -> {
                double used = CpuProfile.cpu(pid).minus(cpu.get(component)).toMillis() / 1e3;
                usage.put(component.id(), used / seconds);
                shares.add("%s %.2f".formatted(component.id(), used / seconds));
                if (component.isService()) {
                    profile.stop(pid);
                }
            });
            report.detail("cpuCoresUsedAt90", usage);
            report.row("Profile", "CPU cores used per process at 90% of sustained", String.join(", ", shares));
            Map<String, Object> profiles = new LinkedHashMap<>();
            for (Component service : Component.services()) {
                Path file = out.resolve(service.id() + ".jfr");
                if (Files.exists(file)) {
                    Map<String, Object> summary = profile.summarise(file, 12);
                    profiles.put(service.id(), summary);
                }
            }
            report.detail("jfrProfilesAt90", profiles);
            System.out.println("profiles: " + profiles);
        }
    }

    /** The command line. */
    static final class Arguments {
        static final String USAGE = """
                usage: ./stack bench [--quick] [--gateway URL [--order-service URL] [--issuer URL]] [--out DIR]
                                     [--env component:NAME=VALUE]...
                  (no --gateway)      start a stack of its own on free ports and measure everything (about 10 minutes)
                  --quick             the same in under 2 minutes: no restarts, no breaker comparison, no recovery
                  --gateway URL       only the HTTP measurements, against that gateway (any deployment)
                  --order-service URL with --gateway: also compare the gateway with this order-service
                  --issuer URL        with --gateway: the realm whose automation client's tokens it sends
                                      (default http://localhost:8180/realms/orderflow, docker compose's); the
                                      client's secret: ORDERFLOW_CLIENT_SECRET (default: the realm's development one)
                  --out DIR           where results.json and results.md go (default tools/benchmarks/target/bench)
                  --env c:NAME=VALUE  an environment variable for one component of its own stack, e.g.
                                      --env order-service:JAVA_TOOL_OPTIONS=-XX:TieredStopAtLevel=1
                  --project DIR       the checkout whose jars it measures (./stack sets it)
                  --data-dir DIR      its own stack's data (default tools/benchmarks/target/bench-stack)
                  --startup-cache DIR where its services' startup caches are kept and trained once per build
                                      (default: bench-startup-cache beside the data directory)""";

        boolean quick;
        boolean help;
        Optional<String> gateway = Optional.empty();
        Optional<String> orderService = Optional.empty();
        URI issuer = URI.create("http://localhost:8180/realms/orderflow");
        Path project = Path.of(".");
        Path dataDir;
        Path startupCache;
        Path out;
        final Map<Component, Map<String, String>> environment = new EnumMap<>(Component.class);

        static Arguments parse(String[] args) {
            Arguments parsed = new Arguments();
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                switch (option) {
                    case "--quick" -> parsed.quick = true;
                    case "--help", "-h" -> parsed.help = true;
                    case "--gateway" -> parsed.gateway = Optional.of(value(args, ++i, option));
                    case "--order-service" -> parsed.orderService = Optional.of(value(args, ++i, option));
                    case "--issuer" -> parsed.issuer = URI.create(value(args, ++i, option));
                    case "--project" -> parsed.project = Path.of(value(args, ++i, option));
                    case "--data-dir" -> parsed.dataDir = Path.of(value(args, ++i, option));
                    case "--startup-cache" -> parsed.startupCache = Path.of(value(args, ++i, option));
                    case "--out" -> parsed.out = Path.of(value(args, ++i, option));
                    case "--env" -> {
                        String value = value(args, ++i, option);
                        int colon = value.indexOf(':');
                        int equals = value.indexOf('=');
                        if (colon < 1 || equals < colon + 2) {
                            throw new IllegalArgumentException("--env takes component:NAME=VALUE, not " + value);
                        }
                        parsed.environment.computeIfAbsent(component(value.substring(0, colon)),
                                c -> new LinkedHashMap<>()).put(value.substring(colon + 1, equals), value.substring(equals + 1));
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + option);
                }
            }
            Path module = parsed.project.resolve("tools/benchmarks/target");
            if (parsed.dataDir == null) {
                parsed.dataDir = module.resolve("bench-stack");
            }
            if (parsed.startupCache == null) {
                parsed.startupCache = parsed.dataDir.toAbsolutePath().resolveSibling("bench-startup-cache");
            }
            if (parsed.out == null) {
                parsed.out = module.resolve("bench");
            }
            return parsed;
        }

        private static Component component(String name) {
            try {
                return Component.named(name);
            } catch (StackException unknown) {
                throw new IllegalArgumentException(unknown.getMessage());
            }
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length || args[index].startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }
    }
}
