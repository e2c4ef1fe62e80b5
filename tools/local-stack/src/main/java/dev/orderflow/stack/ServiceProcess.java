package dev.orderflow.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One of the Spring Boot services as its own JVM: {@code java -jar} with its settings as environment variables. */
final class ServiceProcess {

    /** Marks the stack's JVMs: {@code ps} shows which is which, and nothing else is mistaken for them. */
    static final String COMPONENT_PROPERTY = "orderflow.stack.component";

    /**
     * A laptop runs four JVMs at once: a heap of at most 512 MB each (a service uses about 250 MB) and the serial
     * collector (no parallel GC threads competing for two cores). Netty and zstd load native code; saying so keeps
     * JDK 24+ from printing a warning into every log.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
            "--enable-native-access=ALL-UNNAMED");

    private ServiceProcess() {
    }

    static Process start(Component service, Path java, Path jar, Ports ports, Map<String, String> extraEnvironment,
                         Path log) {
        Processes.rotate(log);
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-D" + COMPONENT_PROPERTY + "=" + service.id(), "-jar", jar.toString()));
        Map<String, String> environment = new LinkedHashMap<>(environment(service, ports));
        environment.putAll(extraEnvironment);
        return Processes.startInBackground(command, environment, log);
    }

    /** The settings of README's "Running the services" table, pointed at the stack's servers. */
    static Map<String, String> environment(Component service, Ports ports) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", Integer.toString(ports.of(service)));
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
