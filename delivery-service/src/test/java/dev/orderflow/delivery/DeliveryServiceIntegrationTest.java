package dev.orderflow.delivery;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.orderflow.events.EventEnvelope;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.Topics;
import dev.orderflow.testinfra.HttpTestClient;
import dev.orderflow.testinfra.KafkaTestClient;
import dev.orderflow.testinfra.ServiceDatabase;
import dev.orderflow.testinfra.SqlStatements;
import dev.orderflow.testinfra.TestInfrastructure;
import dev.orderflow.testinfra.TestTokenIssuer;
import tools.jackson.databind.JsonNode;

/**
 * The delivery service against real PostgreSQL and Kafka, with the test playing the order service and the identity
 * provider ({@link TestTokenIssuer}: real signed tokens, checked against its JWKS over HTTP).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "orderflow.messaging.partitions=3",
        "orderflow.messaging.consumer.max-retry-time=3s",
        SqlStatements.PROPERTY})
abstract class DeliveryServiceIntegrationTest {

    static final String DEAD_LETTERS = Topics.ORDER_EVENTS + ".DLT";
    static final String CUSTOMER = "c-42";
    static final String OPERATOR = "operator-olivia";
    private static KafkaTestClient kafka;
    private static TestTokenIssuer tokens;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, ServiceDatabase.DELIVERY);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> tokens().issuerUri());
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> tokens().jwkSetUri());
    }

    static synchronized TestTokenIssuer tokens() {
        if (tokens == null) {
            tokens = TestTokenIssuer.start();
        }
        return tokens;
    }

    static synchronized KafkaTestClient kafka() {
        if (kafka == null) {
            kafka = KafkaTestClient.watching(Topics.DELIVERY_EVENTS, DEAD_LETTERS);
        }
        return kafka;
    }

    /** The API port, without a token. */
    HttpTestClient http() {
        return new HttpTestClient("http://localhost:" + port);
    }

    /** The actuator's port, which needs no token. */
    HttpTestClient management() {
        return new HttpTestClient("http://localhost:" + managementPort);
    }

    /** The API as this customer: a valid token whose subject is the customer id, with the role customer. */
    HttpTestClient customer(String customerId) {
        return http().withBearerToken(() -> tokens().tokenFor(customerId, "customer"));
    }

    /** The API as an operator, who sees every delivery. */
    HttpTestClient operator() {
        return http().withBearerToken(() -> tokens().tokenFor(OPERATOR, "operator"));
    }

    HttpTestClient withToken(String token) {
        return http().withBearerToken(() -> token);
    }

    /** An operator's token as a header line, for {@link dev.orderflow.testinfra.RawHttpClient}. */
    static String operatorAuthorizationLine() {
        return "Authorization: Bearer " + tokens().tokenFor(OPERATOR, "operator");
    }

    static OrderPlaced orderTo(String country) {
        return orderOf(CUSTOMER, country);
    }

    static OrderPlaced orderOf(String customerId, String country) {
        return new OrderPlaced(UUID.randomUUID(), customerId,
                List.of(new OrderPlaced.Item("p-1", 2, new BigDecimal("12.50"))), new BigDecimal("25.00"),
                new OrderPlaced.DeliveryAddress("1 Main St", "Somewhere", "12345", country));
    }

    Optional<JsonNode> deliveryOf(UUID orderId) {
        JsonNode items = operator().get("/deliveries?orderId=" + orderId).json().get("items");
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
    }

    JsonNode awaitDelivery(UUID orderId, String status) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> deliveryOf(orderId),
                delivery -> delivery.isPresent() && delivery.get().get("status").asString().equals(status)).orElseThrow();
    }

    static List<EventEnvelope> awaitPublished(UUID orderId, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> kafka().events(Topics.DELIVERY_EVENTS, orderId),
                events -> events.size() >= count);
    }
}
