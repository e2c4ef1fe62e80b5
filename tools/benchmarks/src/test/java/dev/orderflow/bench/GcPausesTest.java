package dev.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.orderflow.bench.GcPauses.Pauses;

class GcPausesTest {

    /** As Micrometer's Prometheus registry writes jvm.gc.pause for the serial collector (labels in order). */
    private static final String SCRAPE = """
            # HELP jvm_gc_pause_seconds Time spent in GC pause
            # TYPE jvm_gc_pause_seconds summary
            jvm_gc_pause_seconds_count{action="end of major GC",application="order-service",cause="Metadata GC Threshold",gc="MarkSweepCompact"} 1
            jvm_gc_pause_seconds_sum{action="end of major GC",application="order-service",cause="Metadata GC Threshold",gc="MarkSweepCompact"} 0.416
            jvm_gc_pause_seconds_count{action="end of minor GC",application="order-service",cause="Allocation Failure",gc="Copy"} 41
            jvm_gc_pause_seconds_sum{action="end of minor GC",application="order-service",cause="Allocation Failure",gc="Copy"} 0.612
            # HELP jvm_gc_pause_seconds_max Time spent in GC pause
            # TYPE jvm_gc_pause_seconds_max gauge
            jvm_gc_pause_seconds_max{action="end of major GC",application="order-service",cause="Metadata GC Threshold",gc="MarkSweepCompact"} 0.416
            jvm_gc_memory_promoted_bytes_total{application="order-service"} 5.0E7
            """;

    @Test
    void readsEachKindOfPauseWithItsCountAndTotalTime() {
        Map<String, Pauses> pauses = GcPauses.parse(SCRAPE);

        assertThat(pauses).containsOnlyKeys("full (Metadata GC Threshold)", "young (Allocation Failure)");
        assertThat(pauses.get("young (Allocation Failure)").count()).isEqualTo(41);
        assertThat(pauses.get("young (Allocation Failure)").seconds()).isCloseTo(0.612, within(1e-9));
        assertThat(pauses.get("full (Metadata GC Threshold)").count()).isEqualTo(1);
    }

    @Test
    void betweenTwoReadingsKeepsOnlyThePausesThatHappenedInBetween() {
        Map<String, Pauses> earlier = Map.of("young (Allocation Failure)", new Pauses(30, 0.400),
                "full (Metadata GC Threshold)", new Pauses(1, 0.416));
        Map<String, Pauses> now = Map.of("young (Allocation Failure)", new Pauses(41, 0.612),
                "full (Metadata GC Threshold)", new Pauses(1, 0.416),
                "full (CodeCache GC Threshold)", new Pauses(1, 0.222));

        Map<String, Pauses> between = GcPauses.between(now, earlier);

        assertThat(between).containsOnlyKeys("young (Allocation Failure)", "full (CodeCache GC Threshold)");
        assertThat(between.get("young (Allocation Failure)").count()).isEqualTo(11);
        assertThat(GcPauses.describe(between)).isEqualTo("11 young 212 ms, 1 full 222 ms (CodeCache GC Threshold)");
    }

    @Test
    void saysSoWhenThereWasNoFullCollection() {
        assertThat(GcPauses.describe(Map.of("young (Allocation Failure)", new Pauses(3, 0.030))))
                .isEqualTo("3 young 30 ms, no full");
        assertThat(GcPauses.describe(Map.of())).isEqualTo("0 young 0 ms, no full");
    }
}
