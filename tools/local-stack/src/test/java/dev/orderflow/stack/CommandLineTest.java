package dev.orderflow.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {

    @Test
    void readsACommandItsComponentAndItsFlagsInAnyOrder() {
        CommandLine line = CommandLine.parse("--data-dir", "/tmp/s", "stop", "--kill", "delivery-service");

        assertThat(line.command()).isEqualTo("stop");
        assertThat(line.component()).isEqualTo(Component.DELIVERY_SERVICE);
        assertThat(line.flag("kill")).isTrue();
        assertThat(line.option("data-dir")).hasValue("/tmp/s");
    }

    @Test
    void takesSeveralComponentsInTheOrderTheStackStartsThemEachOnce() {
        CommandLine line = CommandLine.parse("stop", "api-gateway", "kafka", "order-service", "kafka");

        assertThat(line.components())
                .containsExactly(Component.KAFKA, Component.ORDER_SERVICE, Component.API_GATEWAY);
        assertThatThrownBy(() -> line.component()).hasMessageContaining("needs one component");
        assertThatThrownBy(() -> CommandLine.parse("start").components())
                .hasMessageContaining("needs one or more components");
        assertThatThrownBy(() -> CommandLine.parse("start", "kafka", "billing").components())
                .hasMessageStartingWith("unknown component 'billing'");
    }

    @Test
    void acceptsOptionsWrittenWithAnEqualsSign() {
        assertThat(CommandLine.parse("up", "--gateway-port=9080").option("gateway-port")).hasValue("9080");
    }

    @Test
    void withoutACommandShowsHelp() {
        assertThat(CommandLine.parse().command()).isEqualTo("help");
    }

    @Test
    void refusesUnknownCommandsOptionsAndComponents() {
        assertThatThrownBy(() -> CommandLine.parse("launch")).hasMessage("unknown command 'launch'");
        assertThatThrownBy(() -> CommandLine.parse("up", "--detached")).hasMessage("unknown option --detached");
        assertThatThrownBy(() -> CommandLine.parse("stop", "billing").component())
                .hasMessageStartingWith("unknown component 'billing'; choose one of postgres, kafka");
        assertThatThrownBy(() -> CommandLine.parse("stop").component()).hasMessageContaining("needs one component");
        assertThatThrownBy(() -> CommandLine.parse("up", "--gateway-port")).hasMessage("--gateway-port needs a value");
    }

    @Test
    void portsComeFromFlagsThenEnvironmentThenDefaults() {
        CommandLine line = CommandLine.parse("up", "--gateway-port", "18080");
        Map<String, String> environment = Map.of("ORDERFLOW_STACK_GATEWAY_PORT", "7080",
                "ORDERFLOW_STACK_POSTGRES_PORT", "25432");

        Ports ports = PortSetting.resolve(line::option, environment, Ports.DEFAULTS);

        assertThat(ports).isEqualTo(new Ports(18080, 8081, 8082, 25432, 19092, 19093, 8180, 9080, 9081, 9082, 9180));
    }

    @Test
    void portsWrittenAsFlagsAreReadBackAsTheSamePorts() {
        Ports ports = new Ports(18080, 18081, 18082, 25432, 29092, 29093, 18180, 19080, 19081, 19082, 19180);
        List<String> arguments = new ArrayList<>(List.of("up"));
        arguments.addAll(ports.asFlags());
        CommandLine line = CommandLine.parse(arguments.toArray(String[]::new));

        assertThat(PortSetting.resolve(line::option, Map.of(), Ports.DEFAULTS)).isEqualTo(ports);
    }

    @Test
    void aPortThatIsNotANumberIsNamedWithItsFlagAndVariable() {
        assertThatThrownBy(() -> PortSetting.resolve(name -> Optional.empty(),
                Map.of("ORDERFLOW_STACK_KAFKA_PORT", "kafka"), Ports.DEFAULTS))
                .hasMessage("--kafka-port / ORDERFLOW_STACK_KAFKA_PORT must be a port number, got 'kafka'");
    }

    @Test
    void everyComponentNeedsItsOwnPort() {
        assertThatThrownBy(() -> new Ports(8080, 8081, 8082, 15432, 19092, 19093, 8180, 9080, 8081, 9082, 9180))
                .hasMessageStartingWith("every component needs its own port");
    }
}
