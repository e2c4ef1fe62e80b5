package dev.orderflow.gateway.support;

import java.util.UUID;

import dev.orderflow.testinfra.TestTokenIssuer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on a random port (and its actuator on another) in front of two fake backends, with the short
 * resilience settings of application-test.yml, trusting the tokens of {@link #identityProvider}. Every test starts
 * with closed breakers, backends answering 200 and a client of its own: a customer with a valid access token, so a
 * rate-limit bucket of its own too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class GatewayIntegrationTest {

    protected static final FakeBackend orderService = FakeBackend.start("order-service");
    protected static final FakeBackend deliveryService = FakeBackend.start("delivery-service");
    /** Stands in for the realm: serves a real JWKS on loopback and signs real RS256 tokens with its key. */
    protected static final TestTokenIssuer identityProvider = TestTokenIssuer.start();

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected CircuitBreakerRegistry breakers;

    /** A customer with a token of its own, on the main port. */
    protected GatewayClient gateway;

    /** The actuator's port, without a token. */
    protected GatewayClient management;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("orderflow.gateway.order-service-url", orderService::url);
        registry.add("orderflow.gateway.delivery-service-url", deliveryService::url);
        trustTokensOf(identityProvider, registry);
    }

    /** Points the gateway's resource server at this issuer, as application.yml points it at the realm. */
    public static void trustTokensOf(TestTokenIssuer issuer, DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer::issuerUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer::jwkSetUri);
    }

    @BeforeEach
    void startClean() {
        orderService.reset();
        deliveryService.reset();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        gateway = customer("customer-" + UUID.randomUUID());
        management = GatewayClient.anonymous(managementPort);
    }

    /** A client on the main port whose token names this subject, with the customer role. */
    protected GatewayClient customer(String subject) {
        return new GatewayClient(port, identityProvider.tokenFor(subject, "customer"));
    }

    /** A client on the main port that sends no token. */
    protected GatewayClient anonymous() {
        return GatewayClient.anonymous(port);
    }

    protected CircuitBreaker.State stateOf(String breaker) {
        return breakers.circuitBreaker(breaker).getState();
    }
}
