package dev.orderflow.gateway.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.orderflow.gateway.support.GatewayClient;
import dev.orderflow.gateway.support.GatewayIntegrationTest;
import dev.orderflow.testinfra.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.orderflow.gateway.support.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Both backends point at a loopback port where nothing listens: every connection is refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BackendDownTest {

    private static final String NOBODY_LISTENING = "http://127.0.0.1:" + unusedPort();
    private static final TestTokenIssuer identityProvider = TestTokenIssuer.start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void deadBackends(DynamicPropertyRegistry registry) {
        registry.add("orderflow.gateway.order-service-url", () -> NOBODY_LISTENING);
        registry.add("orderflow.gateway.delivery-service-url", () -> NOBODY_LISTENING);
        GatewayIntegrationTest.trustTokensOf(identityProvider, registry);
    }

    @Test
    void answersFastWithAProblemWhenTheBackendRefusesConnections() {
        GatewayClient gateway = new GatewayClient(port, identityProvider.tokenFor("down-client", "customer"));

        for (String method : new String[] {"GET", "POST"}) {
            long started = System.nanoTime();
            HttpResponse<String> response = gateway.send(method, "/api/orders/1", method.equals("POST") ? "{}" : null);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(json(response, "$.reason").toString()).isEqualTo("backend-unreachable");
            assertThat(json(response, "$.route").toString()).isEqualTo("order-service");
            // GET retries twice with 50 + 100 ms backoff; refused connections themselves cost nothing.
            assertThat(elapsed).isLessThan(Duration.ofMillis(1000));
        }
    }

    @Test
    void servesTheOpenApiRoutesWithTheSameProblemWhenTheBackendIsDown() {
        HttpResponse<String> response = GatewayClient.anonymous(port).get("/openapi/deliveries");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response, "$.route").toString()).isEqualTo("delivery-service");
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
