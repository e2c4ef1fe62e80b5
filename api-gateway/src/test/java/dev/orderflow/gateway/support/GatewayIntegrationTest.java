package dev.orderflow.gateway.support;

import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on a random port in front of two fake backends, with the short resilience settings of
 * application-test.yml. Every test starts with closed breakers, backends answering 200 and its own client key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class GatewayIntegrationTest {

    protected static final FakeBackend orderService = FakeBackend.start("order-service");
    protected static final FakeBackend deliveryService = FakeBackend.start("delivery-service");

    @LocalServerPort
    protected int port;

    @Autowired
    protected CircuitBreakerRegistry breakers;

    protected GatewayClient gateway;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("orderflow.gateway.order-service-url", orderService::url);
        registry.add("orderflow.gateway.delivery-service-url", deliveryService::url);
    }

    @BeforeEach
    void startClean() {
        orderService.reset();
        deliveryService.reset();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        gateway = new GatewayClient(port, "client-" + UUID.randomUUID());
    }

    protected CircuitBreaker.State stateOf(String breaker) {
        return breakers.circuitBreaker(breaker).getState();
    }
}
