package dev.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RateLadderTest {

    private static final List<Double> RUNGS = List.of(40.0, 70.0, 100.0);

    /** A system that keeps up with any rate up to its capacity; it remembers what it was asked. */
    private static final class SystemWithCapacity implements RateLadder.Trial {
        final double capacity;
        final List<Double> tried = new ArrayList<>();

        SystemWithCapacity(double capacity) {
            this.capacity = capacity;
        }

        @Override
        public boolean sustains(double rate) {
            tried.add(rate);
            return rate <= capacity;
        }
    }

    @Test
    void aSystemThatKeepsUpWithEveryRungIsCreditedWithTheTopOneAndNothingMoreIsTried() throws Exception {
        SystemWithCapacity fast = new SystemWithCapacity(1_000);

        assertThat(RateLadder.highestSustained(RUNGS, 2, fast)).isEqualTo(100);
        assertThat(fast.tried).containsExactly(40.0, 70.0, 100.0);
    }

    @Test
    void afterTheFirstFailureItHalvesTheGapToTheLastSustainedRate() throws Exception {
        SystemWithCapacity slow = new SystemWithCapacity(57);

        assertThat(RateLadder.highestSustained(RUNGS, 2, slow)).isEqualTo(55);
        assertThat(slow.tried).containsExactly(40.0, 70.0, 55.0, 62.0);
    }

    @Test
    void withoutRefinementsTheLadderAloneDecides() throws Exception {
        SystemWithCapacity slow = new SystemWithCapacity(57);

        assertThat(RateLadder.highestSustained(RUNGS, 0, slow)).isEqualTo(40);
        assertThat(slow.tried).containsExactly(40.0, 70.0);
    }

    @Test
    void belowTheLowestRungItHalvesItAndThenRefinesAsAbove() throws Exception {
        SystemWithCapacity verySlow = new SystemWithCapacity(25);

        assertThat(RateLadder.highestSustained(RUNGS, 1, verySlow)).isEqualTo(20);
        assertThat(verySlow.tried).containsExactly(40.0, 20.0, 30.0);
    }

    @Test
    void belowTheLowestRungItHalvesItEvenWithoutRefinements() throws Exception {
        SystemWithCapacity verySlow = new SystemWithCapacity(12);

        assertThat(RateLadder.highestSustained(RUNGS, 0, verySlow)).isEqualTo(10);
        assertThat(verySlow.tried).containsExactly(40.0, 20.0, 10.0);
    }

    @Test
    void aSystemThatFailsAQuarterOfTheLowestRungIsCreditedWithNothing() throws Exception {
        SystemWithCapacity broken = new SystemWithCapacity(0);

        assertThat(RateLadder.highestSustained(RUNGS, 0, broken)).isZero();
        assertThat(broken.tried).containsExactly(40.0, 20.0, 10.0);
    }

    @Test
    void itStopsWhenNoWholeRateIsLeftBetweenSustainedAndFailed() throws Exception {
        SystemWithCapacity tight = new SystemWithCapacity(40.4);

        assertThat(RateLadder.highestSustained(List.of(40.0, 41.0), 5, tight)).isEqualTo(40);
        assertThat(tight.tried).containsExactly(40.0, 41.0);
    }
}
