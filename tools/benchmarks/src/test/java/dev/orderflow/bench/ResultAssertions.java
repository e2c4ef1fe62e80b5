package dev.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** Checks of a run's {@code details} that hold whichever way the benchmark was run. */
final class ResultAssertions {

    private ResultAssertions() {
    }

    /** Throughput sustained the smoke's rates; time to consistency at 50% and 90% of it from finished orders. */
    static void sagasMeasured(JsonNode details) {
        assertThat(details.at("/sagaThroughput/sustainedPerSecond").asDouble()).isGreaterThanOrEqualTo(10);
        for (String fraction : List.of("50", "90")) {
            JsonNode consistency = details.get("timeToConsistency" + fraction);
            assertThat(consistency.get("orders").asInt()).as(fraction).isPositive();
            assertThat(consistency.get("unfinished").asInt()).as(fraction).isZero();
            assertThat(consistency.get("httpErrors").asInt()).as(fraction).isZero();
            assertThat(consistency.get("p50Ms").asDouble()).as(fraction).isPositive()
                    .isLessThanOrEqualTo(consistency.get("p99Ms").asDouble());
            assertThat(consistency.get("p99Ms").asDouble()).as(fraction)
                    .isLessThanOrEqualTo(consistency.get("maxMs").asDouble());
        }
    }

    /** Both requests compared, each variant without a failed request. */
    static void comparedWithoutErrors(JsonNode details, String comparison) {
        for (String request : List.of("POST /orders", "GET /orders/{id}")) {
            JsonNode measured = details.get(comparison).get(request);
            assertThat(measured).as(comparison + " " + request).isNotNull();
            assertThat(measured.get("throughputRatio").asDouble()).as(comparison + " " + request).isPositive();
            List<String> variants = measured.properties().stream().filter(variant -> variant.getValue().has("errors"))
                    .map(variant -> variant.getKey()).toList();
            assertThat(variants).as(comparison + " " + request).hasSize(2);
            for (String variant : variants) {
                assertThat(measured.get(variant).get("errors").asInt())
                        .as(comparison + " " + request + " " + variant).isZero();
            }
        }
    }
}
