package dev.orderflow.delivery;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;
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
import tools.jackson.databind.JsonNode;

/** The delivery service against real PostgreSQL and Kafka, with the test playing the order service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "orderflow.messaging.partitions=3",
        "orderflow.messaging.consumer.max-retry-time=3s",
        SqlStatements.PROPERTY})
abstract class DeliveryServiceIntegrationTest {

    static final String DEAD_LETTERS = Topics.ORDER_EVENTS + ".DLT";
    private static KafkaTestClient kafka;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, ServiceDatabase.DELIVERY);
    }

    static synchronized KafkaTestClient kafka() {
        if (kafka == null) {
            kafka = KafkaTestClient.watching(Topics.DELIVERY_EVENTS, DEAD_LETTERS);
        }
        return kafka;
    }

    HttpTestClient http() {
        return new HttpTestClient("http://localhost:" + port);
    }

    static OrderPlaced orderTo(String country) {
        return new OrderPlaced(UUID.randomUUID(), "c-42",
                List.of(new OrderPlaced.Item("p-1", 2, new BigDecimal("12.50"))), new BigDecimal("25.00"),
                new OrderPlaced.DeliveryAddress("1 Main St", "Somewhere", "12345", country));
    }

    Optional<JsonNode> deliveryOf(UUID orderId) {
        JsonNode items = http().get("/deliveries?orderId=" + orderId).json().get("items");
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
