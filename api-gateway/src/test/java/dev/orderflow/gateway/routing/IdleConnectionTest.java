package dev.orderflow.gateway.routing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.orderflow.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway closes a client connection on which nothing has arrived for the idle timeout (75 s in
 * application.yml, 1 s here): an idle keep-alive connection, or one whose request never got past its headers.
 * Without it every such connection would be held for ever.
 */
@TestPropertySource(properties = "server.netty.idle-timeout=1s")
class IdleConnectionTest extends GatewayIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "GET /api/orders/1 HTTP/1.1\r\nHost: loc"})
    void closesAConnectionThatSendsNothingMore(String sentFirst) throws IOException {
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.setSoTimeout(5000);
            client.getOutputStream().write(sentFirst.getBytes(StandardCharsets.ISO_8859_1));
            client.getOutputStream().flush();
            long started = System.nanoTime();

            int firstByte = client.getInputStream().read();

            assertThat(firstByte).as("end of stream").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void closesAKeepAliveConnectionLeftIdleAfterItsAnswer() throws IOException {
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.setSoTimeout(5000);
            client.getOutputStream().write(("GET /api/orders/1 HTTP/1.1\r\nHost: localhost\r\n"
                    + gateway.rawAuthorization() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            long started = System.nanoTime();

            // The answer, then the end of the stream once the connection has been idle for the timeout.
            String received = new String(client.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(received).startsWith("HTTP/1.1 200 OK").contains("\"backend\":\"order-service\"");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }
}
