package dev.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.orderflow.stack.Component;

/**
 * The whole benchmark, every measurement once at low rates and for seconds (the smoke settings), against a stack
 * of its own: real PostgreSQL, Kafka and the three services' jars of this build. It checks that each measurement
 * still works end to end and reports what it measured; how fast this machine is, is the full run's business.
 */
class BenchmarkRunIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path OUT = TARGET.resolve("bench-smoke");
    private static final List<String> SERVICES = Component.services().stream().map(Component::id).toList();
    /** Shared with the system tests, whose caches are trained for as long ({@code TEST_CACHE_TRAINING}; the root pom). */
    static final Path STARTUP_CACHE = Path.of(System.getProperty("orderflow.test-startup-cache",
            TARGET.resolve("bench-startup-cache").toString()));

    private static JsonNode details;

    @BeforeAll
    static void runTheBenchmarkOnce() throws Exception {
        BenchmarkRun.run(BenchmarkRun.Arguments.parse(new String[] {"--project", "../..",
                "--data-dir", TARGET.resolve("bench-smoke-stack").toString(), "--startup-cache", STARTUP_CACHE.toString(),
                "--out", OUT.toString()}),
                Settings.smokeRun());
        details = JsonMapper.builder().build().readTree(OUT.resolve("results.json").toFile()).get("details");
    }

    @Test
    void startupAndFootprintOfEachServiceStartedTogetherAloneFromItsJarAndAloneFromItsCache() {
        for (String service : SERVICES) {
            assertThat(details.at("/readySecondsWhenStartedTogether/" + service).asDouble()).as(service).isPositive();
            assertThat(details.at("/readySecondsAloneWithoutStartupCache/" + service).asDouble()).as(service).isPositive();
            JsonNode alone = details.get("startupFootprint (started alone; JVM flags of the launcher)").get(service);
            assertThat(alone.get("readySeconds").asDouble()).as(service).isPositive();
            assertThat(alone.get("residentMb").asLong()).as(service).isBetween(50L, 2_000L);
        }
    }

    @Test
    void sagaThroughputSustainsTheLowSmokeRatesAndTimeToConsistencyComesFromEveryOrdersHistory() {
        ResultAssertions.sagasMeasured(details);
    }

    @Test
    void theProfileCoversEveryProcessOfTheStackAndEveryServicesJfrRecording() {
        for (String process : List.of("postgres", "kafka", "order-service", "delivery-service", "api-gateway")) {
            assertThat(details.at("/cpuCoresUsedAt90/" + process).asDouble()).as(process).isPositive();
        }
        for (String service : SERVICES) {
            assertThat(details.at("/jfrProfilesAt90/" + service + "/samples").asInt()).as(service).isPositive();
            assertThat(OUT.resolve(service + ".jfr")).isNotEmptyFile();
        }
    }

    @Test
    void theServicesGcPausesAreCountedDuringTheLadderBothConsistencyRunsAndSinceTheyStarted() {
        for (String service : SERVICES) {
            // a heap of 32 MB at first: no service starts without collecting
            long sinceStart = pauses(details.get("gcPauses since each service started"), service);
            assertThat(sinceStart).as(service).isPositive();
            long measured = 0;
            for (String during : List.of("the ladder", "time to consistency at 50%", "time to consistency at 90%")) {
                measured += pauses(details.get("gcPauses during " + during), service);
            }
            assertThat(measured).as(service).isLessThanOrEqualTo(sinceStart);
        }
    }

    private static long pauses(JsonNode byService, String service) {
        assertThat(byService.has(service)).as(service).isTrue();
        long count = 0;
        for (JsonNode kind : byService.get(service)) {
            count += kind.get("count").asLong();
        }
        return count;
    }

    @Test
    void gatewayOverheadAndTheBreakersCostAreMeasuredWithoutErrors() {
        ResultAssertions.comparedWithoutErrors(details, "Gateway");
        ResultAssertions.comparedWithoutErrors(details, "Circuit breaker");
        // both gateways sent the breaker comparison's requests to the stand-in, not to order-service
        assertThat(details.get("Circuit breaker").get("backend").asString())
                .matches("FixedCostOrderService \\(answers at once\\), [1-9][0-9]* requests");
        for (String request : List.of("POST /orders", "GET /orders/{id}")) {
            JsonNode breaker = details.get("Circuit breaker").get(request);
            assertThat(breaker.get("cpuPerRequestRatio").asDouble()).as(request).isPositive();
            assertThat(breaker.get("with breaker").get("cpuMsPerRequest").get(0).asDouble()).as(request).isPositive();
        }
    }

    @Test
    void recoveryAfterKillingDeliveryServiceLeavesNothingPendingLostOrDuplicated() {
        JsonNode recovery = details.get("recovery");
        assertThat(recovery.get("orders").asInt()).isPositive();
        assertThat(recovery.get("allFinalAfterRestartMs").asLong()).isNotNegative();
        assertThat(recovery.get("stillPending").asLong()).isZero();
        assertThat(recovery.get("audit").asString()).contains("lost 0 | inconsistent 0 | duplicated 0 | stuck 0");
    }

    @Test
    void efficiencyIsTheSustainedSagaStepsOverTheAnchorsBestRate() {
        JsonNode anchor = details.get("databaseAnchor");
        assertThat(anchor.get("points")).hasSize(2)
                .allSatisfy(point -> assertThat(point.get("transactionsPerSecond").asDouble()).isPositive());
        assertThat(details.get("efficiency").asDouble()).isCloseTo(
                details.at("/sagaThroughput/sustainedPerSecond").asDouble()
                        * DatabaseAnchor.LOCAL_TRANSACTIONS_PER_SAGA / anchor.get("bestTps").asDouble(),
                within(1e-6));
    }

    @Test
    void everyRequestCarriedTheAutomationClientsTokenAndNoneWasRefused() {
        // the first token before the run, any other from the renewal thread: none by a measured request
        assertThat(details.get("accessTokensFetched").asLong()).isPositive();
        assertThat(details.get("requestFailures").asString()).doesNotContain("401", "403");
    }

    @Test
    void writesTheTableBesideTheJson() throws Exception {
        assertThat(Files.readString(OUT.resolve("results.md"))).contains("| Startup and footprint |",
                "| Saga throughput |", "| GC pauses |", "| Time to consistency |", "| Gateway |", "| Circuit breaker |",
                "| Recovery |", "| Database anchor |").contains("mode: smoke");
    }
}
