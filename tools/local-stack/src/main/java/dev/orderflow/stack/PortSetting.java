package dev.orderflow.stack;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/** One configurable port: its flag ({@code --gateway-port}) and environment variable ({@code ORDERFLOW_STACK_GATEWAY_PORT}). */
enum PortSetting {
    POSTGRES(Component.POSTGRES, "postgres-port", Ports::postgres),
    KAFKA(Component.KAFKA, "kafka-port", Ports::kafka),
    KAFKA_CONTROLLER(Component.KAFKA, "kafka-controller-port", Ports::kafkaController),
    ORDER_SERVICE(Component.ORDER_SERVICE, "order-service-port", Ports::orderService),
    DELIVERY_SERVICE(Component.DELIVERY_SERVICE, "delivery-service-port", Ports::deliveryService),
    GATEWAY(Component.API_GATEWAY, "gateway-port", Ports::gateway);

    private final Component component;
    private final String option;
    private final ToIntFunction<Ports> port;

    PortSetting(Component component, String option, ToIntFunction<Ports> port) {
        this.component = component;
        this.option = option;
        this.port = port;
    }

    Component component() {
        return component;
    }

    String option() {
        return option;
    }

    String flag() {
        return "--" + option;
    }

    String environmentVariable() {
        return "ORDERFLOW_STACK_" + option.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    int portIn(Ports ports) {
        return port.applyAsInt(ports);
    }

    /** What the port serves, for messages: "api-gateway", "kafka (controller listener)". */
    String description() {
        return this == KAFKA_CONTROLLER ? "kafka (controller listener)" : component.id();
    }

    static List<PortSetting> of(Component component) {
        return component == Component.KAFKA ? List.of(KAFKA, KAFKA_CONTROLLER)
                : List.of(java.util.Arrays.stream(values()).filter(s -> s.component == component)
                        .findFirst().orElseThrow());
    }

    /** Flags win over environment variables, which win over the defaults. */
    static Ports resolve(Function<String, Optional<String>> flags, Map<String, String> environment, Ports defaults) {
        Map<PortSetting, Integer> chosen = new EnumMap<>(PortSetting.class);
        for (PortSetting setting : values()) {
            Optional<String> value = flags.apply(setting.option)
                    .or(() -> Optional.ofNullable(environment.get(setting.environmentVariable())));
            chosen.put(setting, value.map(text -> parse(setting, text)).orElse(setting.portIn(defaults)));
        }
        return new Ports(chosen.get(GATEWAY), chosen.get(ORDER_SERVICE), chosen.get(DELIVERY_SERVICE),
                chosen.get(POSTGRES), chosen.get(KAFKA), chosen.get(KAFKA_CONTROLLER));
    }

    private static int parse(PortSetting setting, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new StackException(setting.flag() + " / " + setting.environmentVariable()
                    + " must be a port number, got '" + text + "'");
        }
    }
}
