package dev.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.orderflow.stack.Component;

/**
 * {@code --gateway URL --order-service URL --issuer URL}: the benchmark's HTTP measurements against a deployment it
 * did not start (here a stack started beside it, as any other deployment would be, with its own Keycloak), at the
 * smoke settings. What needs
 * the benchmark's own processes is reported as not measured.
 */
class GatewayModeIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path OUT = TARGET.resolve("bench-gateway-mode");

    private static String gatewayUrl;
    private static JsonNode results;

    @BeforeAll
    static void benchmarkADeploymentItDidNotStart() throws Exception {
        // a deployment tuned for benchmarking: one load generator reads faster than the per-client rate limit
        Map<Component, Map<String, String>> environment = Map.of(Component.API_GATEWAY,
                Map.of("RATE_LIMIT_REPLENISH_RATE", "100000", "RATE_LIMIT_BURST_CAPACITY", "200000"));
        try (BenchStack deployment = new BenchStack(Path.of("../.."), TARGET.resolve("gateway-mode-stack"), environment,
                BenchmarkRunIT.STARTUP_CACHE, Settings.smokeRun().cacheTraining())) {
            deployment.up();
            gatewayUrl = deployment.gatewayUrl();
            BenchmarkRun.run(BenchmarkRun.Arguments.parse(new String[] {"--gateway", gatewayUrl,
                    "--order-service", deployment.orderServiceUrl(), "--issuer", deployment.issuer().toString(),
                    "--out", OUT.toString()}), Settings.smokeRun());
        }
        results = JsonMapper.builder().build().readTree(OUT.resolve("results.json").toFile());
    }

    @Test
    void recordsTheGatewayItWasPointedAtAsItsTarget() {
        assertThat(results.at("/configuration/target").asString()).isEqualTo(gatewayUrl);
    }

    @Test
    void sagasAreDrivenThroughThatGatewayAndTheirTimeToConsistencyReadFromItsOrders() {
        ResultAssertions.sagasMeasured(results.get("details"));
    }

    @Test
    void theGatewayIsComparedWithTheOrderServiceItWasGiven() {
        ResultAssertions.comparedWithoutErrors(results.get("details"), "Gateway");
    }

    @Test
    void whatNeedsItsOwnStackIsReportedAsNotMeasured() throws Exception {
        JsonNode details = results.get("details");
        for (String absent : List.of("cpuCoresUsedAt90", "recovery", "databaseAnchor", "efficiency",
                "readySecondsWhenStartedTogether")) {
            assertThat(details.has(absent)).as(absent).isFalse();
        }
        assertThat(Files.readString(OUT.resolve("results.md"))).contains("| Saga throughput |",
                "| Time to consistency |", "| Gateway |",
                "| Startup and footprint |  | not measured with --gateway",
                "| GC pauses |  | not measured with --gateway",
                "| Circuit breaker |  | not measured with --gateway", "| Recovery |  | not measured with --gateway",
                "| Database anchor |  | not measured with --gateway");
    }
}
