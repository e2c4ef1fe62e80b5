package dev.orderflow.chaos.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class RunnerOptionsTest {

    @Test
    void allRunsEveryScenarioInTheOrderOfTheTable() {
        RunnerOptions options = RunnerOptions.parse("all");

        assertThat(options.scenarios()).extracting(Scenario::name).containsExactly("service-kill", "broker-restart",
                "database-restart", "consumer-latency", "consumer-exceptions", "relay-killed-before-marking",
                "poison-records", "delivery-outage-beyond-deadline");
        assertThat(options.dataDir()).isEqualTo(Path.of(".stack-chaos"));
        assertThat(options.attach()).isFalse();
    }

    @Test
    void readsLoadAndStackOptions() {
        RunnerOptions options = RunnerOptions.parse("broker-restart", "--rate", "2.5", "--duration", "45s",
                "--data-dir", ".stack", "--attach", "--deadline", "2m", "--settle", "500ms");

        assertThat(options.scenarios()).extracting(Scenario::name).containsExactly("broker-restart");
        assertThat(options.rate()).isEqualTo(2.5);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(45));
        assertThat(options.dataDir()).isEqualTo(Path.of(".stack"));
        assertThat(options.attach()).isTrue();
        assertThat(options.deadline()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.settle()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void runsAListOfScenariosInTheGivenOrder() {
        assertThat(RunnerOptions.parse("poison-records,service-kill").scenarios()).extracting(Scenario::name)
                .containsExactly("poison-records", "service-kill");
    }

    @Test
    void refusesUnknownScenariosOptionsAndRates() {
        assertThatIllegalArgumentException().isThrownBy(() -> RunnerOptions.parse("meteor-strike"))
                .withMessageContaining("service-kill");
        assertThatIllegalArgumentException().isThrownBy(() -> RunnerOptions.parse("all", "--turbo"));
        assertThatIllegalArgumentException().isThrownBy(() -> RunnerOptions.parse("all", "--rate", "0"));
        assertThatIllegalArgumentException().isThrownBy(() -> RunnerOptions.parse("all", "--duration"));
        assertThatIllegalArgumentException().isThrownBy(RunnerOptions::parse);
    }
}
