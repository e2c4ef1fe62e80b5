package dev.orderflow.audit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DurationTextTest {

    @Test
    void readsMillisecondsSecondsMinutesAndHours() {
        assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationText.parse("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationText.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationText.parse("1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void refusesAnUnknownUnit() {
        assertThatIllegalArgumentException().isThrownBy(() -> DurationText.parse("3d"))
                .withMessage("not a duration: 3d (use 500ms, 30s, 2m)");
    }
}
