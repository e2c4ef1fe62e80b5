package dev.orderflow.stack;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The TCP ports of the stack. The defaults keep clear of a PostgreSQL (5432) or Kafka (9092) already installed
 * on the machine. Each service and Keycloak have a second, management port: health, metrics and the other actuator
 * endpoints are served only there, never beside the API.
 */
public record Ports(int gateway, int orderService, int deliveryService, int postgres, int kafka, int kafkaController,
                    int keycloak, int gatewayManagement, int orderServiceManagement, int deliveryServiceManagement,
                    int keycloakManagement) {

    public static final Ports DEFAULTS = new Ports(8080, 8081, 8082, 15432, 19092, 19093, 8180, 9080, 9081, 9082,
            9180);

    public Ports {
        List<Integer> all = List.of(gateway, orderService, deliveryService, postgres, kafka, kafkaController, keycloak,
                gatewayManagement, orderServiceManagement, deliveryServiceManagement, keycloakManagement);
        for (int port : all) {
            if (port < 1 || port > 65535) {
                throw new StackException("port " + port + " is not between 1 and 65535");
            }
        }
        if (new HashSet<>(all).size() < all.size()) {
            throw new StackException("every component needs its own port, got " + all);
        }
    }

    /** Currently free ports, for stacks that must not collide with anything (tests). */
    public static Ports free() {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            Map<PortSetting, Integer> ports = new EnumMap<>(PortSetting.class);
            for (PortSetting setting : PortSetting.values()) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports.put(setting, socket.getLocalPort());
            }
            return PortSetting.ports(ports);
        } catch (IOException e) {
            throw new StackException("could not find free ports: " + e.getMessage(), e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    /** The launcher's flags that select these ports: {@code --gateway-port 8080 --order-service-port 8081 ...}. */
    public List<String> asFlags() {
        List<String> flags = new ArrayList<>();
        for (PortSetting setting : PortSetting.values()) {
            flags.add(setting.flag());
            flags.add(Integer.toString(setting.portIn(this)));
        }
        return flags;
    }

    /** The port a component serves its clients on. */
    public int of(Component component) {
        return switch (component) {
            case POSTGRES -> postgres;
            case KAFKA -> kafka;
            case KEYCLOAK -> keycloak;
            case ORDER_SERVICE -> orderService;
            case DELIVERY_SERVICE -> deliveryService;
            case API_GATEWAY -> gateway;
        };
    }

    /** Where a service or Keycloak serves its health and metrics. */
    public int managementOf(Component component) {
        return switch (component) {
            case KEYCLOAK -> keycloakManagement;
            case ORDER_SERVICE -> orderServiceManagement;
            case DELIVERY_SERVICE -> deliveryServiceManagement;
            case API_GATEWAY -> gatewayManagement;
            case POSTGRES, KAFKA -> throw new IllegalArgumentException(component + " has no management port");
        };
    }

    /** The issuer of the stack's access tokens: Keycloak's realm, as every token names it. */
    public String issuer() {
        return "http://localhost:" + keycloak + "/realms/orderflow";
    }
}
