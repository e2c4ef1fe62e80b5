package dev.orderflow.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One of the Spring Boot services as its own JVM: {@code java -jar} with its settings as environment variables. */
final class ServiceProcess {

    /** Marks the stack's JVMs: {@code ps} shows which is which, and nothing else is mistaken for them. */
    static final String COMPONENT_PROPERTY = "orderflow.stack.component";

    /**
     * A laptop runs four JVMs at once: the serial collector (no parallel GC threads competing for two cores) and a
     * heap of at most 256 MB that is given back when it is mostly free (a service's live data is a few tens of MB;
     * the default would let the heap grow to a quarter of the machine's memory and keep it). Each time metaspace
     * grows past a threshold (21 MB at first) the serial collector makes a full collection, 150-470 ms on two busy
     * cores, while a service loads the classes its first requests need (27 MB of metaspace from the startup cache,
     * 120 MB without it): the threshold starts above both. The serial collector sizes its young generation only at
     * full collections, so without them it would stay a third of the initial heap: it starts at 24 MB instead.
     * Measured in docs/performance.md ("GC pauses"). Netty and zstd load native code; saying so keeps JDK 24+ from
     * printing a warning into every log. The initial heap must hold the objects a JDK 25 AOT cache archives:
     * order-service's (Spring Security's among them) do not fit in 32 MB, and the JVM then refuses to start.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:NewSize=24m",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:+UseSerialGC", "-XX:MetaspaceSize=128m",
            "--enable-native-access=ALL-UNNAMED");

    /**
     * glibc keeps what the JIT compilers and the JVM free in its arenas; trimming every 5 s gives it back (10-23 MB
     * per service side by side, see docs/performance.md). The switch is experimental in JDK 21.0.1 to 21.0.3, hence
     * the unlock; where it cannot work, it is left out ({@link JavaRuntimes#trimsNativeHeap}).
     */
    static final List<String> NATIVE_HEAP_TRIM = List.of("-XX:+UnlockExperimentalVMOptions",
            "-XX:TrimNativeHeapInterval=5000");

    private ServiceProcess() {
    }

    /** What starting a service runs; prepared before the stack's lifecycle lock is taken, as training takes a while. */
    record Launch(List<String> command, Map<String, String> environment, Path log) {

        Process start() {
            return Processes.startInBackground(command, environment, log);
        }
    }

    /** The service's command, from its startup cache when one is given and fresh (or when it is being trained). */
    static Launch prepare(Component service, Path java, Path jar, Ports ports, Map<String, String> extraEnvironment,
                          Path log, Optional<StartupCache> cache) {
        Processes.rotate(log);
        Map<String, String> environment = environment(service, ports, extraEnvironment);
        List<String> options = jvmOptions(java);
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(options);
        command.add("-D" + COMPONENT_PROPERTY + "=" + service.id());
        command.addAll(cache.map(startupCache -> startupCache.launch(jar, options, environment, log))
                .orElse(List.of("-jar", jar.toString())));
        return new Launch(command, environment, log);
    }

    /** The JVM's options for a service run by this JDK; its startup cache must be trained with the same. */
    static List<String> jvmOptions(Path java) {
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        if (JavaRuntimes.trimsNativeHeap(JavaRuntimes.home(java), System.getProperty("os.name"))) {
            options.addAll(NATIVE_HEAP_TRIM);
        }
        return options;
    }

    /** The service's environment: where the stack's servers are, then the variables given for it. */
    static Map<String, String> environment(Component service, Ports ports, Map<String, String> extraEnvironment) {
        Map<String, String> environment = new LinkedHashMap<>(environment(service, ports));
        environment.putAll(extraEnvironment);
        return environment;
    }

    /** The settings of README's "Running the services" table, pointed at the stack's servers. */
    static Map<String, String> environment(Component service, Ports ports) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", Integer.toString(ports.of(service)));
        environment.put("MANAGEMENT_SERVER_PORT", Integer.toString(ports.managementOf(service)));
        // Keys come from the issuer's JWKS (the default jwk-set-uri is derived from it).
        environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", ports.issuer());
        switch (service) {
            case ORDER_SERVICE:
                database(environment, ports, "orders", "order_service");
                break;
            case DELIVERY_SERVICE:
                database(environment, ports, "delivery", "delivery_service");
                break;
            case API_GATEWAY:
                environment.put("ORDER_SERVICE_URL", "http://localhost:" + ports.orderService());
                environment.put("DELIVERY_SERVICE_URL", "http://localhost:" + ports.deliveryService());
                break;
            default:
                throw new IllegalArgumentException(service + " is not a service");
        }
        return environment;
    }

    private static void database(Map<String, String> environment, Ports ports, String schema, String role) {
        environment.put("SPRING_DATASOURCE_URL", DatabaseSetup.serviceUrl(ports.postgres(), schema));
        environment.put("SPRING_DATASOURCE_USERNAME", role);
        environment.put("SPRING_DATASOURCE_PASSWORD", role);
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:" + ports.kafka());
    }
}
