package dev.orderflow.stack;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The TCP ports of the stack. The defaults keep clear of a PostgreSQL (5432) or Kafka (9092) already installed
 * on the machine.
 */
public record Ports(int gateway, int orderService, int deliveryService, int postgres, int kafka, int kafkaController) {

    public static final Ports DEFAULTS = new Ports(8080, 8081, 8082, 15432, 19092, 19093);

    public Ports {
        List<Integer> all = List.of(gateway, orderService, deliveryService, postgres, kafka, kafkaController);
        for (int port : all) {
            if (port < 1 || port > 65535) {
                throw new StackException("port " + port + " is not between 1 and 65535");
            }
        }
        if (new HashSet<>(all).size() < all.size()) {
            throw new StackException("every component needs its own port, got " + all);
        }
    }

    /** Six currently free ports, for stacks that must not collide with anything (tests). */
    public static Ports free() {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                sockets.add(new ServerSocket(0));
            }
            return new Ports(sockets.get(0).getLocalPort(), sockets.get(1).getLocalPort(),
                    sockets.get(2).getLocalPort(), sockets.get(3).getLocalPort(), sockets.get(4).getLocalPort(),
                    sockets.get(5).getLocalPort());
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

    public int of(Component component) {
        switch (component) {
            case POSTGRES:
                return postgres;
            case KAFKA:
                return kafka;
            case ORDER_SERVICE:
                return orderService;
            case DELIVERY_SERVICE:
                return deliveryService;
            case API_GATEWAY:
                return gateway;
            default:
                throw new IllegalArgumentException(component.id());
        }
    }
}
