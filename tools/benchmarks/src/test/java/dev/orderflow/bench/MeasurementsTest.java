package dev.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class MeasurementsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void timeToConsistencyRunsFromCreationToTheFinalHistoryEntry() {
        var order = json.readTree("""
                {"createdAt":"2026-01-01T10:00:00.000Z","history":[
                 {"at":"2026-01-01T10:00:00.000Z","step":"PLACED"},
                 {"at":"2026-01-01T10:00:00.042Z","step":"CONFIRMED"}]}""");

        assertThat(TimeToConsistency.of(order)).contains(Duration.ofMillis(42));
    }

    @Test
    void aPendingOrderHasNoTimeToConsistencyYet() {
        var order = json.readTree("""
                {"createdAt":"2026-01-01T10:00:00Z","history":[{"at":"2026-01-01T10:00:00Z","step":"PLACED"}]}""");

        assertThat(TimeToConsistency.of(order)).isEmpty();
    }

    @Test
    void startupIsTheLastStartedLineOfTheLog() {
        List<String> log = List.of("... Started OrderServiceApplication in 9.1 seconds (process running for 9.8)",
                "restarted",
                "... Started OrderServiceApplication in 3.2 seconds (process running for 3.6)");

        assertThat(StartupFootprint.startedAfter(log)).contains(3.6);
        assertThat(StartupFootprint.startedAfter(List.of("nothing"))).isEqualTo(Optional.empty());
    }

    @Test
    @SuppressWarnings("unchecked")
    void profileCountsLeafFramesAndEachLibraryOncePerSample() {
        List<String> printed = List.of(
                "jdk.ExecutionSample {", "  stackTrace = [",
                "    java.util.HashMap.get(Object) line: 10",
                "    org.hibernate.engine.Foo.bar() line: 2",
                "    org.hibernate.engine.Foo.baz() line: 3",
                "  ]", "}",
                "jdk.ExecutionSample {", "  stackTrace = [",
                "    java.util.HashMap.get(Object) line: 11",
                "    dev.orderflow.messaging.OutboxRelay.relayBatch() line: 5",
                "  ]", "}");

        Map<String, Object> summary = CpuProfile.summarise(printed, 5);

        assertThat(summary.get("samples")).isEqualTo(2);
        assertThat((List<Object>) summary.get("topLeafFrames")).containsExactly("100.0% java.util.HashMap.get(Object)");
        assertThat((List<Object>) summary.get("libraries")).contains("100.0% java.util", "50.0% org.hibernate.engine",
                "50.0% dev.orderflow.messaging");
        assertThat((List<Object>) summary.get("components")).containsExactlyInAnyOrder("50.0% Hibernate/JPA",
                "50.0% orderflow code");
    }

    @Test
    void efficiencyComparesTheSagasLocalTransactionsWithTheAnchor() {
        assertThat(DatabaseAnchor.efficiency(100, 1_000)).isEqualTo(0.3);
    }

    @Test
    void medianOfAlternatingRounds() {
        assertThat(GatewayOverhead.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(GatewayOverhead.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    }

    @Test
    void aRatioIsTheMedianOfPairsThatRanBackToBackNotARatioOfMedians() {
        // the machine's speed swings from pair to pair, and once between the two rounds of a pair
        List<Double> a = List.of(100.0, 300.0, 150.0);
        List<Double> b = List.of(90.0, 270.0, 280.0);

        assertThat(GatewayOverhead.pairedRatio(b, a)).isCloseTo(0.9, within(1e-9));
        assertThat(GatewayOverhead.median(b) / GatewayOverhead.median(a)).isCloseTo(1.8, within(1e-9));
    }

    @Test
    void cpuPerRequestIsNotANumberWhenThereIsNothingToDivide() {
        assertThat(GatewayOverhead.cpuMsPerRequest(Duration.ofMillis(100), Duration.ofMillis(400), 200)).isEqualTo(1.5);
        assertThat(GatewayOverhead.cpuMsPerRequest(Duration.ofMillis(100), Duration.ofMillis(400), 0)).isNaN();
        // a process gone reads as no CPU at all
        assertThat(GatewayOverhead.cpuMsPerRequest(Duration.ofMillis(100), Duration.ZERO, 200)).isNaN();
        assertThat(GatewayOverhead.pairedRatio(List.of(1.0, Double.NaN, 3.0), List.of(1.0, 1.0, 1.0))).isEqualTo(2.0);
    }

    @Test
    void reportTableMarksMissedTargets() {
        BenchReport report = new BenchReport(Map.of("cores", 2), Map.of("mode", "quick"));
        report.row("Recovery", "all final", "12 s", "<= 30 s", true);
        report.row("Gateway", "ratio", "0.5", ">= 0.85", false);

        assertThat(report.markdown()).contains("| Recovery | all final | 12 s | <= 30 s | yes |")
                .contains("| Gateway | ratio | 0.5 | >= 0.85 | **no** |");
    }

    @Test
    void theMixIsFourServiceableOrdersInFive() {
        long serviceable = java.util.stream.LongStream.range(0, 100).filter(Shop::serviceable).count();

        assertThat(serviceable).isEqualTo(80);
    }

    @Test
    void routesWithoutTheBreakerAreValidJsonWithoutTheCircuitBreakerFilter() {
        var routes = json.readTree(CircuitBreakerCost.ROUTES_WITHOUT_BREAKER)
                .at("/spring/cloud/gateway/server/webflux/routes");

        assertThat(routes.size()).isEqualTo(2);
        assertThat(routes.toString()).doesNotContain("CircuitBreaker").contains("Retry")
                .contains("/api/orders$\\\\{rest}");
    }
}
