package dev.orderflow.order;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.orderflow.events.EventEnvelope;
import dev.orderflow.events.Topics;
import dev.orderflow.testinfra.HttpTestClient;
import dev.orderflow.testinfra.KafkaTestClient;
import dev.orderflow.testinfra.MutableClock;
import dev.orderflow.testinfra.ServiceDatabase;
import dev.orderflow.testinfra.SqlStatements;
import dev.orderflow.testinfra.TestInfrastructure;
import dev.orderflow.testinfra.TestTokenIssuer;
import tools.jackson.databind.JsonNode;

/**
 * The order service against real PostgreSQL and Kafka, with the test playing the delivery service on Kafka and
 * the identity provider ({@link TestTokenIssuer}: real signed tokens, checked against its JWKS over HTTP).
 * All integration test classes share this one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "orderflow.saga.deadline=60s",
        "orderflow.saga.deadline-check-interval=100ms",
        "orderflow.messaging.partitions=3",
        "orderflow.messaging.consumer.max-retry-time=3s",
        SqlStatements.PROPERTY})
@Import(OrderServiceIntegrationTest.TestClock.class)
abstract class OrderServiceIntegrationTest {

    static final String DEAD_LETTERS = Topics.DELIVERY_EVENTS + ".DLT";
    static final String OPERATOR = "operator-olivia";
    private static KafkaTestClient kafka;
    private static TestTokenIssuer tokens;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    MutableClock clock;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, ServiceDatabase.ORDERS);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> tokens().issuerUri());
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> tokens().jwkSetUri());
    }

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    static synchronized KafkaTestClient kafka() {
        if (kafka == null) {
            kafka = KafkaTestClient.watching(Topics.ORDER_EVENTS, DEAD_LETTERS);
        }
        return kafka;
    }

    static synchronized TestTokenIssuer tokens() {
        if (tokens == null) {
            tokens = TestTokenIssuer.start();
        }
        return tokens;
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

    /** The API as an operator, who sees every order. */
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

    static String orderJson(String customerId, String country) {
        return """
                {"customerId":"%s",
                 "items":[{"productId":"p-1","quantity":2,"unitPrice":12.50},{"productId":"p-2","quantity":1,"unitPrice":5}],
                 "deliveryAddress":{"street":"1 Main St","city":"Seoul","postalCode":"04524","country":"%s"}}"""
                .formatted(customerId, country);
    }

    UUID placeOrder(String customerId) {
        HttpTestClient.Response response = customer(customerId).post("/orders", orderJson(customerId, "KR"));
        if (response.status() != 201) {
            throw new AssertionError("order not placed: " + response.status() + " " + response.body());
        }
        return UUID.fromString(response.json().get("id").asString());
    }

    JsonNode order(UUID orderId) {
        return operator().get("/orders/" + orderId).json();
    }

    JsonNode awaitStatus(UUID orderId, String status) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> order(orderId),
                order -> order.get("status").asString().equals(status));
    }

    /** The events the order service published for one order, once at least {@code count} are there. */
    static List<EventEnvelope> awaitPublished(UUID orderId, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> kafka().events(Topics.ORDER_EVENTS, orderId),
                events -> events.size() >= count);
    }

    static String uniqueCustomer() {
        return "c-" + UUID.randomUUID();
    }
}
