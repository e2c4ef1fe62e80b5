package dev.orderflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.orderflow.stack.Component;
import dev.orderflow.testinfra.HttpTestClient;
import dev.orderflow.testinfra.PrometheusScrape;

/**
 * The Grafana dashboard of the saga references only metrics the running services really expose: every metric
 * name in its PromQL is found on a real /actuator/prometheus scrape (management port) of one of the three services, after a
 * confirmed and a compensated saga went through the gateway.
 */
@ExtendWith(SystemStackExtension.class)
class DashboardMetricsIT {

    private static final Path DASHBOARD = Path.of("../../deploy/observability/grafana/dashboards/saga.json");
    /** Identifiers with an underscore in the expressions that are PromQL functions or label names, not metrics. */
    private static final Set<String> NOT_METRICS = Set.of("histogram_quantile", "client_id");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\\b");

    private final SystemStack system;

    DashboardMetricsIT(SystemStack system) {
        this.system = system;
    }

    @Test
    void everyMetricTheDashboardShowsIsExposedByAService() throws IOException {
        Shop shop = system.shop();
        shop.awaitStatus(shop.placeOrder("KR"), "CONFIRMED");
        shop.awaitStatus(shop.placeOrder("AQ"), "CANCELLED");
        Set<String> referenced = referencedMetrics();
        assertThat(referenced).as("metrics found in the dashboard").hasSizeGreaterThan(8);

        Set<String> missing = await().atMost(Duration.ofSeconds(30)).until(() -> {
            Set<String> exposed = exposedMetrics();
            Set<String> absent = new TreeSet<>(referenced);
            absent.removeAll(exposed);
            return absent;
        }, Set::isEmpty);
        assertThat(missing).isEmpty();
    }

    private Set<String> referencedMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(DASHBOARD)) {
            if (!line.contains("\"expr\"")) {
                continue;
            }
            Matcher matcher = IDENTIFIER.matcher(line.substring(line.indexOf("\"expr\"") + 6));
            while (matcher.find()) {
                if (!NOT_METRICS.contains(matcher.group())) {
                    names.add(matcher.group());
                }
            }
        }
        return names;
    }

    private Set<String> exposedMetrics() {
        Set<String> names = new TreeSet<>();
        Stream.of(Component.ORDER_SERVICE, Component.DELIVERY_SERVICE, Component.API_GATEWAY).forEach(service ->
                names.addAll(PrometheusScrape.of(new HttpTestClient(
                        "http://localhost:" + system.stack().ports().managementOf(service))).names()));
        return names;
    }
}
