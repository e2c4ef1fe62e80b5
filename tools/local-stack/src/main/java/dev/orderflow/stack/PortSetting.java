package dev.orderflow.stack;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/** One configurable port: its flag ({@code --gateway-port}) and environment variable ({@code ORDERFLOW_STACK_GATEWAY_PORT}). */
enum PortSetting {
    POSTGRES(Component.POSTGRES, "postgres-port", "", Ports::postgres),
    KAFKA(Component.KAFKA, "kafka-port", "", Ports::kafka),
    KAFKA_CONTROLLER(Component.KAFKA, "kafka-controller-port", " (controller listener)", Ports::kafkaController),
    KEYCLOAK(Component.KEYCLOAK, "keycloak-port", "", Ports::keycloak),
    KEYCLOAK_MANAGEMENT(Component.KEYCLOAK, "keycloak-management-port", " (management)", Ports::keycloakManagement),
    ORDER_SERVICE(Component.ORDER_SERVICE, "order-service-port", "", Ports::orderService),
    ORDER_SERVICE_MANAGEMENT(Component.ORDER_SERVICE, "order-service-management-port", " (management)",
            Ports::orderServiceManagement),
    DELIVERY_SERVICE(Component.DELIVERY_SERVICE, "delivery-service-port", "", Ports::deliveryService),
    DELIVERY_SERVICE_MANAGEMENT(Component.DELIVERY_SERVICE, "delivery-service-management-port", " (management)",
            Ports::deliveryServiceManagement),
    GATEWAY(Component.API_GATEWAY, "gateway-port", "", Ports::gateway),
    GATEWAY_MANAGEMENT(Component.API_GATEWAY, "gateway-management-port", " (management)", Ports::gatewayManagement);

    private final Component component;
    private final String option;
    private final String role;
    private final ToIntFunction<Ports> port;

    PortSetting(Component component, String option, String role, ToIntFunction<Ports> port) {
        this.component = component;
        this.option = option;
        this.role = role;
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

    /** Its name in the stack's state file: the option without "-port" ({@code gateway-management}). */
    String stateName() {
        return option.substring(0, option.length() - "-port".length());
    }

    int portIn(Ports ports) {
        return port.applyAsInt(ports);
    }

    /** What the port serves, for messages: "api-gateway", "kafka (controller listener)". */
    String description() {
        return component.id() + role;
    }

    static List<PortSetting> of(Component component) {
        return Arrays.stream(values()).filter(setting -> setting.component == component).toList();
    }

    /** Flags win over environment variables, which win over the defaults. */
    static Ports resolve(Function<String, Optional<String>> flags, Map<String, String> environment, Ports defaults) {
        Map<PortSetting, Integer> chosen = new EnumMap<>(PortSetting.class);
        for (PortSetting setting : values()) {
            Optional<String> value = flags.apply(setting.option)
                    .or(() -> Optional.ofNullable(environment.get(setting.environmentVariable())));
            chosen.put(setting, value.map(text -> parse(setting, text)).orElse(setting.portIn(defaults)));
        }
        return ports(chosen);
    }

    /** The ports with one value per setting. */
    static Ports ports(Map<PortSetting, Integer> chosen) {
        return new Ports(chosen.get(GATEWAY), chosen.get(ORDER_SERVICE), chosen.get(DELIVERY_SERVICE),
                chosen.get(POSTGRES), chosen.get(KAFKA), chosen.get(KAFKA_CONTROLLER), chosen.get(KEYCLOAK),
                chosen.get(GATEWAY_MANAGEMENT), chosen.get(ORDER_SERVICE_MANAGEMENT),
                chosen.get(DELIVERY_SERVICE_MANAGEMENT), chosen.get(KEYCLOAK_MANAGEMENT));
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
