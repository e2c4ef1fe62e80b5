package dev.orderflow.stack;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The processes of the local stack, in the order they start. */
public enum Component {
    POSTGRES("postgres"),
    KAFKA("kafka"),
    KEYCLOAK("keycloak"),
    ORDER_SERVICE("order-service"),
    DELIVERY_SERVICE("delivery-service"),
    API_GATEWAY("api-gateway");

    private final String id;

    Component(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The Spring Boot applications built from this repository; each runs as {@code java -jar}. */
    public boolean isService() {
        return this == ORDER_SERVICE || this == DELIVERY_SERVICE || this == API_GATEWAY;
    }

    public static List<Component> services() {
        return List.of(ORDER_SERVICE, DELIVERY_SERVICE, API_GATEWAY);
    }

    public static Component named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(component -> component.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new StackException("unknown component '" + name + "'; choose one of "
                        + Arrays.stream(values()).map(Component::id).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return id;
    }
}
