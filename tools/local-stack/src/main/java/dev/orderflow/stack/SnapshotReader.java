package dev.orderflow.stack;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.orderflow.stack.SystemSnapshot.ServiceFigures;

/**
 * Reads a {@link SystemSnapshot} from the running stack the way an operator would: order and delivery counts through
 * the gateway's API (the {@code totalItems} of a one-item page per state), messaging figures from each service's
 * Prometheus endpoint, breaker states from the gateway's actuator.
 */
final class SnapshotReader {

    private final Stack stack;

    SnapshotReader(Stack stack) {
        this.stack = stack;
    }

    /** Reads the parts at once: probing Kafka and PostgreSQL alone takes about a second. */
    SystemSnapshot read() {
        Ports ports = stack.ports();
        GatewayClient gateway = GatewayClient.automation(ports);
        Instant at = Instant.now();
        AtomicReference<Map<String, Long>> orders = new AtomicReference<>();
        AtomicReference<Map<String, Long>> deliveries = new AtomicReference<>();
        AtomicReference<List<ServiceFigures>> services = new AtomicReference<>();
        AtomicReference<List<ComponentStatus>> components = new AtomicReference<>();
        Parallel.forEach(List.<Runnable>of(
                () -> orders.set(countByState(gateway, "/api/orders", SystemSnapshot.ORDER_STATES)),
                () -> deliveries.set(countByState(gateway, "/api/deliveries", SystemSnapshot.DELIVERY_STATES)),
                () -> services.set(List.of(figures(Component.ORDER_SERVICE, ports), figures(Component.DELIVERY_SERVICE, ports))),
                () -> components.set(stack.status())), Runnable::run);
        // The gateway's status line has read its breakers already.
        Map<String, String> breakers = components.get().stream()
                .filter(status -> status.component() == Component.API_GATEWAY)
                .findFirst().map(ComponentStatus::breakers).orElse(Map.of());
        return new SystemSnapshot(at, orders.get(), deliveries.get(), services.get(), breakers, components.get());
    }

    /** State to count; a state the gateway could not count is left out. */
    private static Map<String, Long> countByState(GatewayClient gateway, String path, List<String> states) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String state : states) {
            GatewayClient.Reply reply = gateway.get(path + "?status=" + state + "&size=1");
            if (reply.status() == 200 && reply.json().path("totalItems").isNumber()) {
                counts.put(state, reply.json().path("totalItems").asLong());
            }
        }
        return counts;
    }

    private ServiceFigures figures(Component service, Ports ports) {
        HealthProbe.Response response = stack.probe().get(ports.managementOf(service), "/actuator/prometheus");
        if (response.statusCode() != 200) {
            return ServiceFigures.unreachable(service);
        }
        PrometheusText metrics = new PrometheusText(response.body());
        return new ServiceFigures(service,
                metrics.sum("orderflow_outbox_backlog_rows"),
                metrics.max("orderflow_outbox_oldest_age_seconds"),
                metrics.sum("orderflow_events_dead_lettered_total"),
                metrics.max("kafka_consumer_fetch_manager_records_lag_max"));
    }
}
