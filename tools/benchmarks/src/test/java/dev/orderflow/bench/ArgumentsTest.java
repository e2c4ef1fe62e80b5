package dev.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.orderflow.stack.Component;

/** The benchmark's command line: what it accepts, and a clear word for what it does not. */
class ArgumentsTest {

    @Test
    void readsEveryOptionAndDefaultsTheDirectoriesUnderTheProject() {
        BenchmarkRun.Arguments arguments = BenchmarkRun.Arguments.parse(new String[] {"--quick", "--project", "/p",
                "--gateway", "http://g:8080", "--order-service", "http://o:8081",
                "--issuer", "http://k:8180/realms/orderflow",
                "--env", "order-service:JAVA_TOOL_OPTIONS=-XX:TieredStopAtLevel=1"});

        assertThat(arguments.quick).isTrue();
        assertThat(arguments.help).isFalse();
        assertThat(arguments.gateway).contains("http://g:8080");
        assertThat(arguments.orderService).contains("http://o:8081");
        assertThat(arguments.issuer).isEqualTo(URI.create("http://k:8180/realms/orderflow"));
        assertThat(arguments.environment).isEqualTo(
                Map.of(Component.ORDER_SERVICE, Map.of("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1")));
        assertThat(arguments.out).isEqualTo(Path.of("/p/tools/benchmarks/target/bench"));
        assertThat(arguments.dataDir).isEqualTo(Path.of("/p/tools/benchmarks/target/bench-stack"));
        assertThat(arguments.startupCache).isEqualTo(Path.of("/p/tools/benchmarks/target/bench-startup-cache"));
    }

    @Test
    void takesTokensFromDockerComposesKeycloakUnlessToldOtherwise() {
        assertThat(BenchmarkRun.Arguments.parse(new String[] {"--gateway", "http://g:8080"}).issuer)
                .isEqualTo(URI.create("http://localhost:8180/realms/orderflow"));
    }

    @Test
    void keepsTheStartupCachesWhereItIsTold() {
        assertThat(BenchmarkRun.Arguments.parse(new String[] {"--startup-cache", "/caches"}).startupCache)
                .isEqualTo(Path.of("/caches"));
    }

    @Test
    void helpAsksForTheUsage() {
        assertThat(BenchmarkRun.Arguments.parse(new String[] {"--help"}).help).isTrue();
        assertThat(BenchmarkRun.Arguments.USAGE).contains("--quick", "--gateway URL", "--issuer URL",
                "ORDERFLOW_CLIENT_SECRET", "--out DIR", "--env");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "--fast                   | unknown argument --fast",
            "--out                    | --out needs a value",
            "--gateway --quick        | --gateway needs a value",
            "--env order-service      | --env takes component:NAME=VALUE",
            "--env kafka-ui:A=b       | unknown component 'kafka-ui'"})
    void refusesWhatItDoesNotKnowWithAMessage(String commandLine, String message) {
        assertThatThrownBy(() -> BenchmarkRun.Arguments.parse(commandLine.split(" ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
