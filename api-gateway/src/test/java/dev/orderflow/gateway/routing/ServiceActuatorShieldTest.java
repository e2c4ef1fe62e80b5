package dev.orderflow.gateway.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import dev.orderflow.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' actuators are never reachable through the gateway. Paths are sent byte for byte over a socket,
 * because HTTP clients may normalise dot segments before sending.
 */
class ServiceActuatorShieldTest extends GatewayIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/orders/../actuator/env",
            "/api/orders/../../actuator/health",
            "/api/deliveries/..%2factuator/env",
            "/api/orders/%2e%2e/actuator/env",
            "/api/orders/%2E%2E/actuator/env",
            "/api/orders/.%2e/actuator/env",
            "/api/orders/..;/actuator/env",
            "/api/orders/%252e%252e/actuator/env",
            "/api/orders/./42"
    })
    void rejectsPathsThatCouldEscapeTheServicesApi(String rawPath) throws IOException {
        String response = rawGet(rawPath);

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).contains("application/problem+json");
        assertThat(orderService.receivedCount() + deliveryService.receivedCount()).isZero();
    }

    @Test
    void leavesMalformedRequestLinesToTheHttpServerWhichRefusesThem() throws IOException {
        // Netty answers 400 itself for a backslash in the request target, before any filter runs.
        assertThat(rawGet("/api/orders/..\\actuator/env")).startsWith("HTTP/1.1 400");
        assertThat(orderService.receivedCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/orders/actuator/health", "/api/deliveries/actuator/env"})
    void sendsActuatorLookalikePathsToTheApiNotToTheActuator(String path) throws IOException {
        String response = rawGet(path);

        assertThat(response).startsWith("HTTP/1.1 200");
        String backendPath = path.replace("/api", "");
        assertThat(orderService.received().stream().map(r -> r.path()))
                .allMatch(backendPath::equals);
        assertThat(deliveryService.received().stream().map(r -> r.path()))
                .allMatch(backendPath::equals);
    }

    private String rawGet(String rawPath) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + gateway.rawAuthorization() + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
