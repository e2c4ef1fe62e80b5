package dev.orderflow.gateway.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;

import dev.orderflow.gateway.support.FakeBackend;
import dev.orderflow.gateway.support.GatewayClient;
import dev.orderflow.testinfra.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.orderflow.gateway.support.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issuer's keys cannot be fetched (Keycloak down or unreachable): a token cannot be checked either way, which
 * is the gateway's trouble, not the client's. A 502 problem, not a 401, so that clients retry rather than throw
 * their token away; nothing reaches a service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdentityProviderDownTest {

    private static final FakeBackend orderService = FakeBackend.start("order-service");
    private static final TestTokenIssuer identityProvider = TestTokenIssuer.start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void unreachableKeys(DynamicPropertyRegistry registry) {
        registry.add("orderflow.gateway.order-service-url", orderService::url);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", identityProvider::issuerUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + unusedPort() + TestTokenIssuer.JWKS_PATH);
    }

    @Test
    void answers502NotUnauthorizedWhenTheIssuersKeysCannotBeFetched() {
        GatewayClient customer = new GatewayClient(port, identityProvider.tokenFor("alice", "customer"));

        HttpResponse<String> response = customer.get("/api/orders/42");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response, "$.detail").toString()).contains("identity provider");
        assertThat(response.body()).doesNotContain("Exception", "127.0.0.1");
        assertThat(orderService.receivedCount()).isZero();
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
